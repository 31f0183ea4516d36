// Just enough ISO-BMFF walking to read what manifests must declare about an fMP4 track: the media timescale
// (DASH SegmentTimeline is written in it) and the codec string (HLS CODECS / DASH @codecs).
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl']);
/** Sample entries: 8-byte box header already skipped, then fixed fields before their child boxes. */
const SAMPLE_ENTRY_FIELDS: Record<string, number> = { avc1: 78, avc3: 78, mp4a: 28 };

interface Box {
  type: string;
  /** Payload start and box end. */
  body: number;
  end: number;
}

function* boxes(buf: Uint8Array, start: number, end: number): Generator<Box> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let off = start;
  while (off + 8 <= end) {
    let size = view.getUint32(off);
    const type = String.fromCharCode(buf[off + 4]!, buf[off + 5]!, buf[off + 6]!, buf[off + 7]!);
    let header = 8;
    if (size === 1) {
      size = Number(view.getBigUint64(off + 8));
      header = 16;
    } else if (size === 0) size = end - off;
    if (size < header || off + size > end) return;
    yield { type, body: off + header, end: off + size };
    off += size;
  }
}

/** Depth-first search for the first box of `type` under the containers above (and stsd's sample entries). */
function find(buf: Uint8Array, type: string, start = 0, end = buf.length): Box | undefined {
  for (const b of boxes(buf, start, end)) {
    if (b.type === type) return b;
    if (CONTAINERS.has(b.type)) {
      const found = find(buf, type, b.body, b.end);
      if (found) return found;
    } else if (b.type === 'stsd') {
      // version/flags (4) + entry_count (4), then sample entries.
      for (const entry of boxes(buf, b.body + 8, b.end)) {
        if (entry.type === type) return entry;
        const skip = SAMPLE_ENTRY_FIELDS[entry.type];
        if (skip !== undefined) {
          const found = find(buf, type, entry.body + skip, entry.end);
          if (found) return found;
        }
      }
    }
  }
  return undefined;
}

export function mdhdTimescale(buf: Uint8Array): number {
  const b = find(buf, 'mdhd');
  if (!b) return 0;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // version 0: 4-byte creation/modification times; version 1: 8-byte.
  return view.getUint32(b.body + (buf[b.body] === 1 ? 20 : 12));
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** RFC 6381 codec string of an init segment's first track: avc1.PPCCLL from avcC, mp4a.40.N from esds. */
export function codecString(buf: Uint8Array): string | undefined {
  const avcC = find(buf, 'avcC');
  if (avcC && avcC.end - avcC.body >= 4) {
    const entry = find(buf, 'avc3') ? 'avc3' : 'avc1';
    return `${entry}.${hex(buf[avcC.body + 1]!)}${hex(buf[avcC.body + 2]!)}${hex(buf[avcC.body + 3]!)}`;
  }
  const esds = find(buf, 'esds');
  if (esds) {
    // DecoderSpecificInfo (tag 5): audioObjectType is its first 5 bits. Scan the descriptors for the tag.
    for (let i = esds.body + 4; i < esds.end - 2; i++) {
      if (buf[i] !== 0x05) continue;
      let j = i + 1;
      while (j < esds.end && (buf[j]! & 0x80) !== 0) j++;
      const aot = (buf[j + 1] ?? 0) >> 3;
      if (aot > 0) return `mp4a.40.${aot}`;
    }
    return 'mp4a.40.2';
  }
  return undefined;
}
