// Live manifests repeat the same break's SCTE-35 section on every refresh and every CUE-OUT-CONT line;
// encoding it once per break (bounded memo) keeps manifest rendering cheap.
import { spliceInsertIn, spliceInsertOut, toBase64, toHex } from '../../scte35/index.js';

const MAX = 512;
const memo = new Map<string, { b64: string; hex: string }>();

function remember(key: string, make: () => Uint8Array): { b64: string; hex: string } {
  let hit = memo.get(key);
  if (!hit) {
    const bytes = make();
    hit = { b64: toBase64(bytes), hex: toHex(bytes) };
    if (memo.size >= MAX) memo.delete(memo.keys().next().value as string);
    memo.set(key, hit);
  }
  return hit;
}

export function cueOutSection(eventId: number, ptsTime: number, durationSeconds: number): { b64: string; hex: string } {
  return remember(`o:${eventId}:${ptsTime}:${durationSeconds}`, () => spliceInsertOut({ eventId, ptsTime, durationSeconds }));
}

export function cueInSection(eventId: number, ptsTime: number): { b64: string; hex: string } {
  return remember(`i:${eventId}:${ptsTime}`, () => spliceInsertIn({ eventId, ptsTime }));
}
