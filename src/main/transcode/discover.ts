// Content profile discovery: what the origin's multivariant playlist or MPD says about each rendition, completed
// by probing a content segment where the manifest is silent (HLS never states the audio sample rate; many
// playlists omit FRAME-RATE). One discovery per origin manifest URL, shared by every session on it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscoveredProfile } from '../../shared/transcode.js';
import type { EventBus } from '../bus/event-bus.js';
import { readDashCreative, type DashCreativeSet } from '../creatives/dash-creative.js';
import { fetchCreativeText } from '../creatives/creative-cache.js';
import { HlsCreativeLoader, type CreativeMedia } from '../creatives/hls-creative.js';
import { fetchBytes } from '../http/fetch-text.js';
import { probeMedia, type MediaProbe } from './probe.js';
import { audioCodecOf, buildProfile, typicalSegmentSeconds, videoCodecOf, type ProfileFacts, type RenditionFacts } from './profile.js';

export type DiscoveryResult = { ok: true; discovered: DiscoveredProfile } | { ok: false; error: string };

const PROBE_TIMEOUT_MS = 10_000;
const PROBE_MAX_BYTES = 32 * 1024 * 1024;
/** Failures are retried after this long (the origin may have been down); successes are kept. */
const RETRY_FAILED_MS = 30_000;
const MAX_CACHED = 200;

interface SegmentRef {
  url: string;
  init?: string;
}

export class ProfileDiscovery {
  private readonly cache = new Map<string, { at: number; ok: boolean; result: Promise<DiscoveryResult> }>();
  private readonly hls: HlsCreativeLoader;

  constructor(
    private readonly bus?: EventBus,
    private readonly now: () => number = Date.now,
  ) {
    this.hls = new HlsCreativeLoader(bus);
  }

  /** Profiles discovered so far (successful ones), newest first. */
  async list(): Promise<DiscoveredProfile[]> {
    const out: DiscoveredProfile[] = [];
    for (const { result } of this.cache.values()) {
      const r = await result;
      if (r.ok) out.push(r.discovered);
    }
    return out.sort((a, b) => b.discoveredAt - a.discoveredAt);
  }

  discover(originUrl: string, format: 'hls' | 'dash'): Promise<DiscoveryResult> {
    const key = `${format} ${originUrl}`;
    const hit = this.cache.get(key);
    // Successes are kept; a failure is retried by a later session once RETRY_FAILED_MS has passed.
    if (hit && (hit.ok || this.now() - hit.at < RETRY_FAILED_MS)) return hit.result;
    const entry = {
      at: this.now(),
      ok: false,
      result: this.run(originUrl, format).catch((e: unknown): DiscoveryResult => ({ ok: false, error: e instanceof Error ? e.message : String(e) })),
    };
    void entry.result.then((r) => void (entry.ok = r.ok));
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    return entry.result;
  }

  private async run(originUrl: string, format: 'hls' | 'dash'): Promise<DiscoveryResult> {
    const t0 = performance.now();
    const found = format === 'hls' ? await this.hlsFacts(originUrl) : await this.dashFacts(originUrl);
    const built = buildProfile(found.facts);
    if (!built.ok) return { ok: false, error: `${built.error} (${originUrl})` };
    return {
      ok: true,
      discovered: {
        originUrl,
        format,
        container: found.container,
        muxedAudio: found.muxedAudio,
        ...(found.videoTimescale ? { videoTimescale: found.videoTimescale } : {}),
        videoCodecs: found.videoCodecs,
        audioCodecs: found.audioCodecs,
        profile: built.profile,
        probed: found.probed,
        assumed: built.assumed,
        discoveredAt: this.now(),
        ms: Math.round(performance.now() - t0),
      },
    };
  }

  private async hlsFacts(url: string): Promise<Found> {
    const loaded = await this.hls.load(url);
    if (!loaded.ok) throw new Error(`cannot read the content's playlists: ${loaded.error}`);
    const c = loaded.creative;
    const variants = c.tracks.filter((t) => t.kind === 'variant');
    const audioTrack = c.tracks.find((t) => t.kind === 'audio' && t.isDefault) ?? c.tracks.find((t) => t.kind === 'audio');
    const muxedAudio = !variants.some((v) => v.audioGroup) || !audioTrack;
    const probed: string[] = [];
    const renditions: RenditionFacts[] = [];
    let firstProbe: MediaProbe | undefined;
    for (const [i, v] of variants.entries()) {
      const media = c.media.get(v.n);
      const f: RenditionFacts = {
        ...(v.width ? { width: v.width, height: v.height } : {}),
        ...(v.frameRate ? { fps: v.frameRate } : {}),
        ...(v.bandwidth ? { bandwidth: v.bandwidth } : {}),
        ...(v.averageBandwidth ? { averageBandwidth: v.averageBandwidth } : {}),
        ...(videoCodecOf(v.codecs) ? { codecs: videoCodecOf(v.codecs)! } : {}),
        includesAudio: true,
      };
      // The first variant is always probed when audio is muxed (sample rate is never in the playlist); others
      // only when their own resolution or frame rate is missing.
      const needs = !f.width || (!f.fps && !firstProbe?.video?.fps) || (i === 0 && muxedAudio);
      if (needs && media) {
        const p = await probeSegment(firstSegment(media));
        if (i === 0) firstProbe = p;
        if (!f.width && p.video) [f.width, f.height] = (probed.push(`rendition ${i + 1} resolution`), [p.video.width, p.video.height]);
        if (!f.fps && p.video?.fps) f.fps = (probed.push(`rendition ${i + 1} frame rate`), p.video.fps);
      }
      if (!f.fps && firstProbe?.video?.fps) f.fps = firstProbe.video.fps;
      renditions.push(f);
    }
    let audio: ProfileFacts['audio'];
    const audioCodec = audioCodecOf(variants[0]?.codecs);
    if (muxedAudio) {
      if (firstProbe?.audio) {
        probed.push('audio sample rate and channels');
        audio = { sampleRate: firstProbe.audio.sampleRate, channels: firstProbe.audio.channels, ...(audioCodec ? { codecs: audioCodec } : {}) };
      } else if (audioCodec) audio = { codecs: audioCodec };
    } else if (audioTrack) {
      const media = c.media.get(audioTrack.n);
      const p = media ? await probeSegment(firstSegment(media)) : undefined;
      if (p?.audio) probed.push('audio sample rate and channels');
      const declared = Number.parseInt(audioTrack.channels ?? '', 10);
      audio = {
        ...(p?.audio ? { sampleRate: p.audio.sampleRate, channels: p.audio.channels } : {}),
        ...(Number.isFinite(declared) && !p?.audio ? { channels: declared } : {}),
        ...(audioCodec ? { codecs: audioCodec } : {}),
      };
    }
    const first = c.media.get(variants[0]?.n ?? -1);
    const durations = first?.segments.map((s) => s.duration) ?? [];
    const segmentSeconds = typicalSegmentSeconds(durations);
    return {
      facts: { renditions, ...(audio ? { audio } : {}), ...(segmentSeconds ? { segmentSeconds } : {}) },
      container: c.container,
      muxedAudio,
      videoCodecs: [...new Set(variants.map((v) => videoCodecOf(v.codecs)).filter((x): x is string => Boolean(x)))],
      audioCodecs: audioCodec ? [audioCodec] : [],
      probed: [...new Set(probed)],
    };
  }

  private async dashFacts(url: string): Promise<Found> {
    const r = await fetchCreativeText(url, this.bus);
    const mpd = readDashCreative(r.body, r.url);
    const video = mpd.sets.find((s) => s.contentType === 'video');
    if (!video) throw new Error('the MPD has no video AdaptationSet');
    const audioSet = mpd.sets.find((s) => s.contentType === 'audio' && /\bmain\b/.test(s.descriptors.join(' '))) ?? mpd.sets.find((s) => s.contentType === 'audio');
    const probed: string[] = [];
    const fpsOf = (v: string | undefined) => {
      if (!v) return undefined;
      const [n, d] = v.split('/').map(Number);
      return n && (d ?? 1) ? n / (d ?? 1) : undefined;
    };
    let probe: MediaProbe | undefined;
    const renditions: RenditionFacts[] = [];
    for (const [i, rep] of video.representations.entries()) {
      const f: RenditionFacts = {
        ...(rep.width && rep.height ? { width: rep.width, height: rep.height } : {}),
        ...(fpsOf(rep.attrs.frameRate ?? video.attrs.frameRate) ? { fps: fpsOf(rep.attrs.frameRate ?? video.attrs.frameRate)! } : {}),
        ...(rep.bandwidth ? { bandwidth: rep.bandwidth } : {}),
        ...(rep.codecs ?? video.attrs.codecs ? { codecs: (rep.codecs ?? video.attrs.codecs)! } : {}),
        includesAudio: false,
      };
      if ((!f.width || !f.fps) && rep.segments[0]) {
        probe ??= await probeSegment({ url: rep.segments[0].url, ...(rep.init ? { init: rep.init } : {}) });
        if (!f.width && probe.video) [f.width, f.height] = (probed.push(`rendition ${i + 1} resolution`), [probe.video.width, probe.video.height]);
        if (!f.fps && probe.video?.fps) f.fps = (probed.push(`rendition ${i + 1} frame rate`), probe.video.fps);
      }
      renditions.push(f);
    }
    let audio: ProfileFacts['audio'];
    const audioRep = audioSet?.representations[0];
    if (audioSet && audioRep) {
      const rate = Number(audioRep.attrs.audioSamplingRate ?? audioSet.attrs.audioSamplingRate);
      const channels = channelsOf(audioSet);
      audio = {
        ...(Number.isFinite(rate) && rate > 0 ? { sampleRate: rate } : {}),
        ...(channels ? { channels } : {}),
        ...(audioRep.bandwidth ? { bandwidth: audioRep.bandwidth } : {}),
        ...(audioRep.codecs ?? audioSet.attrs.codecs ? { codecs: (audioRep.codecs ?? audioSet.attrs.codecs)! } : {}),
      };
      if ((!audio.sampleRate || !audio.channels) && audioRep.segments[0]) {
        const p = await probeSegment({ url: audioRep.segments[0].url, ...(audioRep.init ? { init: audioRep.init } : {}) });
        if (p.audio) {
          probed.push('audio sample rate and channels');
          audio.sampleRate ??= p.audio.sampleRate;
          audio.channels ??= p.audio.channels;
        }
      }
    }
    const ref = video.representations[0];
    const segmentSeconds = ref ? typicalSegmentSeconds(ref.segments.map((s) => s.d / ref.timescale)) : undefined;
    return {
      facts: { renditions, ...(audio ? { audio } : {}), ...(segmentSeconds ? { segmentSeconds } : {}) },
      container: 'fmp4',
      muxedAudio: false,
      ...(ref?.timescale ? { videoTimescale: ref.timescale } : {}),
      videoCodecs: [...new Set(video.representations.map((r) => r.codecs).filter((x): x is string => Boolean(x)))],
      audioCodecs: audioRep?.codecs ? [audioRep.codecs] : [],
      probed: [...new Set(probed)],
    };
  }
}

interface Found {
  facts: ProfileFacts;
  container: 'ts' | 'fmp4';
  muxedAudio: boolean;
  videoTimescale?: number;
  videoCodecs: string[];
  audioCodecs: string[];
  probed: string[];
}

function firstSegment(media: CreativeMedia): SegmentRef {
  const s = media.segments[0];
  if (!s) throw new Error('a content playlist lists no segments');
  return { url: s.url, ...(media.map ? { init: media.map } : {}) };
}

function channelsOf(set: DashCreativeSet): number | undefined {
  for (const d of set.descriptors) {
    const m = /AudioChannelConfiguration[^>]*value="(\d+)"/.exec(d);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Downloads a segment (with its init segment for fMP4) and probes it. */
export async function probeSegment(ref: SegmentRef): Promise<MediaProbe> {
  const opts = { timeoutMs: PROBE_TIMEOUT_MS, maxBytes: PROBE_MAX_BYTES };
  const [init, seg] = await Promise.all([ref.init ? fetchBytes(ref.init, opts) : undefined, fetchBytes(ref.url, opts)]);
  for (const r of [init, seg]) if (r && r.status >= 400) throw new Error(`HTTP ${r.status} for ${r.url}`);
  const dir = await mkdtemp(join(tmpdir(), 'stitchbench-probe-'));
  try {
    const file = join(dir, init ? 'segment.mp4' : 'segment.ts');
    await writeFile(file, init ? Buffer.concat([init.body, seg.body]) : seg.body);
    return await probeMedia(file, { timeoutMs: PROBE_TIMEOUT_MS });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
