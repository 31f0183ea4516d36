// Primetime's ptadwindow (live): how far back, in seconds, the manifest server looks for ad cues when a DVR viewer
// joins (0–1800, default 1800); 0 leaves the breaks of the first manifest to content, later ones get ads. That is
// MediaTailor's AvailSuppression BEHIND_LIVE_EDGE with Value = the window, judged at the session's join edge, so
// the session carries it as its per-session suppression. Pure.
import type { Suppression } from '../playback/suppression.js';

export const MAX_AD_WINDOW_SECONDS = 1800;

export type AdWindowResult = { ok: true; suppression: Suppression } | { ok: false; message: string };

export function adWindowSuppression(text: string): AdWindowResult {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > MAX_AD_WINDOW_SECONDS) return { ok: false, message: `Invalid ptadwindow "${text}": expected whole seconds from 0 to ${MAX_AD_WINDOW_SECONDS}` };
  const s = Number(t);
  const two = (n: number) => String(n).padStart(2, '0');
  // FillPolicy left out: a break already running beyond the window is not filled (FULL_AVAIL_ONLY).
  return { ok: true, suppression: { Mode: 'BEHIND_LIVE_EDGE', Value: `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` } };
}
