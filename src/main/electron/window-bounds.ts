// The main window's saved state: parsing, serialising and fitting it onto the displays that exist now
// (a monitor may have been unplugged since). Pure: displays' work areas come in as arguments.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

export interface Size {
  width: number;
  height: number;
}

export const DEFAULT_SIZE: Size = { width: 1600, height: 1000 };
export const MIN_SIZE: Size = { width: 1000, height: 640 };

/** A window must show at least this much of itself on some display to stay where it was. */
const MIN_VISIBLE = 100;

function isFiniteInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isRect(v: unknown): v is Rect {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return isFiniteInt(r.x) && isFiniteInt(r.y) && isFiniteInt(r.width) && isFiniteInt(r.height) && (r.width as number) > 0 && (r.height as number) > 0;
}

/** The saved file's state, or undefined when it is missing, corrupt or of another shape. */
export function parseWindowState(text: string | undefined): WindowState | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (!isRect(d.bounds)) return undefined;
  const { x, y, width, height } = d.bounds;
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized: d.maximized === true,
    fullScreen: d.fullScreen === true,
  };
}

export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  return `${JSON.stringify({ bounds: { x, y, width, height }, maximized: state.maximized, fullScreen: state.fullScreen }, null, 2)}\n`;
}

function overlap(a: Rect, b: Rect): Size {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** Centred on the work area at the default size, shrunk to fit small screens. */
export function centredOn(area: Rect, size: Size = DEFAULT_SIZE): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Moves and shrinks `bounds` so the whole window lies inside the work area it overlaps most. A window
 * that is (nearly) off every display is centred on the primary one instead.
 */
export function clampToDisplays(bounds: Rect, workAreas: readonly Rect[], primary: Rect, min: Size = MIN_SIZE): Rect {
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(bounds, area);
    if (o.width >= Math.min(MIN_VISIBLE, bounds.width) && o.height >= Math.min(MIN_VISIBLE, bounds.height) && o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  if (!best) return centredOn(primary, { width: Math.max(bounds.width, min.width), height: Math.max(bounds.height, min.height) });
  const width = Math.min(Math.max(bounds.width, min.width), best.width);
  const height = Math.min(Math.max(bounds.height, min.height), best.height);
  return {
    x: Math.min(Math.max(bounds.x, best.x), best.x + best.width - width),
    y: Math.min(Math.max(bounds.y, best.y), best.y + best.height - height),
    width,
    height,
  };
}

/** The state to open the window with: the saved one fitted to today's displays, or the default. */
export function restoreWindowState(saved: string | undefined, workAreas: readonly Rect[], primary: Rect): WindowState {
  const state = parseWindowState(saved);
  if (!state) return { bounds: centredOn(primary), maximized: false, fullScreen: false };
  return { ...state, bounds: clampToDisplays(state.bounds, workAreas, primary) };
}
