// ffmpeg filter graphs for the demo media. Text is burned in so a person can see, at a glance,
// whether content, an origin break (which should have been replaced) or an ad is on screen.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CONTENT_BREAKS, MEZZANINE, type CreativeSpec } from './model.js';

const requireCjs = createRequire(import.meta.url);

/** DejaVu ships in an npm package, so labels render on machines without system fonts. */
export function fontFile(bold = true): string {
  const dir = join(dirname(requireCjs.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return join(dir, bold ? 'DejaVuSans-Bold.ttf' : 'DejaVuSans.ttf');
}

/** Label text goes inside a quoted drawtext argument; the few characters with meaning there are dropped. */
export function drawtextEscape(text: string): string {
  return text.replace(/['\\:%]/g, '');
}

function escapePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/:/g, '\\:').replace(/'/g, "\\'");
}

function text(opts: { text: string; size: number; x: string; y: string; color?: string; box?: string; enable?: string; raw?: boolean }): string {
  const parts = [
    `fontfile='${escapePath(fontFile())}'`,
    `text='${opts.raw ? opts.text : drawtextEscape(opts.text)}'`,
    `fontsize=${opts.size}`,
    `fontcolor=${opts.color ?? 'white'}`,
    `x=${opts.x}`,
    `y=${opts.y}`,
  ];
  if (opts.box) parts.push('box=1', `boxcolor=${opts.box}`, 'boxborderw=16');
  if (opts.enable) parts.push(`enable='${opts.enable}'`);
  return `drawtext=${parts.join(':')}`;
}

/** Content: moving test pattern, running timecode, and a loud banner over each origin break. */
export function contentVideoFilter(): string {
  const chain = [
    text({ text: 'STITCHBENCH DEMO · CONTENT', size: 40, x: '40', y: '40', box: 'black@0.55' }),
    text({ text: '%{pts\\:hms}', raw: true, size: 96, x: '(w-tw)/2', y: 'h-th-60', box: 'black@0.6' }),
    ...CONTENT_BREAKS.map((b, i) =>
      text({
        text: `ORIGIN AD BREAK ${i + 1} · should be replaced by ads`,
        size: 44,
        x: '(w-tw)/2',
        y: '(h-th)/2',
        color: 'yellow',
        box: 'red@0.85',
        enable: `between(t,${b.startSeconds},${b.startSeconds + b.durationSeconds - 0.001})`,
      }),
    ),
  ];
  return chain.join(',');
}

/** A rendition label after scaling, so ABR switches are visible too. */
export function renditionLabel(label: string): string {
  return text({ text: label, size: 28, x: 'w-tw-30', y: '30', box: 'black@0.55' });
}

/** Ad mezzanine: solid colour, big title, countdown and a progress bar. */
export function creativeVideoFilter(c: CreativeSpec): string {
  const d = c.durationSeconds;
  return [
    text({ text: c.title, size: 150, x: '(w-tw)/2', y: '(h-th)/2-80' }),
    text({ text: 'Stitchbench Demo ADS', size: 48, x: '(w-tw)/2', y: '80', color: 'white@0.8' }),
    text({ text: `ends in %{eif\\:${d}-t+0.999\\:d} s`, raw: true, size: 64, x: '(w-tw)/2', y: '(h)/2+120' }),
    `drawbox=x=0:y=ih-40:w=iw:h=40:color=white@0.25:t=fill`,
  ].join(',');
}

export function creativeSources(c: CreativeSpec): string[] {
  const d = c.durationSeconds;
  const audio = c.toneHz > 0 ? `sine=frequency=${c.toneHz}:sample_rate=${MEZZANINE.sampleRate}:duration=${d}` : `aevalsrc=0|0:s=${MEZZANINE.sampleRate}:d=${d}`;
  return [
    '-f', 'lavfi', '-i', `color=c=${c.color}:size=${MEZZANINE.width}x${MEZZANINE.height}:rate=${MEZZANINE.fps}:duration=${d}`,
    '-f', 'lavfi', '-i', audio,
    // The moving progress bar: a white strip sliding in from the left over the duration.
    '-f', 'lavfi', '-i', `color=c=white:size=${MEZZANINE.width}x40:rate=${MEZZANINE.fps}:duration=${d}`,
  ];
}

export function creativeFilterGraph(c: CreativeSpec): string {
  return `[0:v]${creativeVideoFilter(c)}[bg];[bg][2:v]overlay=x='-W+W*t/${c.durationSeconds}':y=H-40:shortest=1[v]`;
}
