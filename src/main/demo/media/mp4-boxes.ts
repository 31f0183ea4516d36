// Just enough ISO-BMFF walking to read a track's media timescale from an init segment.
const CONTAINERS = new Set(['moov', 'trak', 'mdia']);

export function mdhdTimescale(buf: Uint8Array, start = 0, end = buf.length): number {
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
    if (size < header) break;
    if (type === 'mdhd') {
      const version = buf[off + header]!;
      // version 0: 4-byte creation/modification times; version 1: 8-byte.
      return view.getUint32(off + header + (version === 1 ? 20 : 12));
    }
    if (CONTAINERS.has(type)) {
      const found = mdhdTimescale(buf, off + header, off + size);
      if (found) return found;
    }
    off += size;
  }
  return 0;
}
