// The main window's saved state: parsed defensively and fitted onto the displays present today.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  centredOn,
  clampToDisplays,
  parseWindowState,
  restoreWindowState,
  serializeWindowState,
  type Rect,
} from '../../src/main/electron/window-bounds.js';

// A laptop (work area below a 25 px menu bar) with a 4K monitor to its right.
const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const monitor: Rect = { x: 1440, y: 0, width: 3840, height: 2120 };
const displays = [laptop, monitor];

describe('window state file', () => {
  it('round-trips', () => {
    const state = { bounds: { x: 1500, y: 40, width: 1600, height: 1000 }, maximized: true, fullScreen: false };
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
  });

  it('rejects missing, corrupt and ill-shaped files', () => {
    for (const text of [undefined, '', '{', 'null', '[]', '{"bounds":{"x":0,"y":0,"width":0,"height":10}}', '{"bounds":{"x":"0","y":0,"width":800,"height":600}}', '{"bounds":{"x":0,"y":0,"width":1e999,"height":600}}']) {
      expect(parseWindowState(text), String(text)).toBeUndefined();
    }
  });

  it('treats anything but true as false for the flags, and rounds fractional pixels', () => {
    expect(parseWindowState('{"bounds":{"x":0.4,"y":10.6,"width":1200.2,"height":800},"maximized":"yes"}')).toEqual({
      bounds: { x: 0, y: 11, width: 1200, height: 800 },
      maximized: false,
      fullScreen: false,
    });
  });
});

describe('fitting onto displays', () => {
  it('leaves a window that fits where it was', () => {
    const b = { x: 2000, y: 100, width: 1600, height: 1000 };
    expect(clampToDisplays(b, displays, laptop)).toEqual(b);
  });

  it('pulls a window hanging off an edge back inside the display it mostly covers', () => {
    expect(clampToDisplays({ x: 4800, y: 1500, width: 1600, height: 1000 }, displays, laptop)).toEqual({ x: 3680, y: 1120, width: 1600, height: 1000 });
  });

  it('shrinks a window larger than its display', () => {
    expect(clampToDisplays({ x: 100, y: 100, width: 3000, height: 2000 }, [laptop], laptop)).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    // Mostly on the monitor: fitted there, keeping its size.
    expect(clampToDisplays({ x: 100, y: 100, width: 3000, height: 2000 }, displays, laptop)).toEqual({ x: 1440, y: 100, width: 3000, height: 2000 });
  });

  it('centres a window saved on a monitor that is gone on the primary display', () => {
    const r = clampToDisplays({ x: 2000, y: 100, width: 1600, height: 1000 }, [laptop], laptop);
    expect(r).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    const big: Rect = { x: 0, y: 0, width: 2560, height: 1440 };
    expect(clampToDisplays({ x: -5000, y: -5000, width: 1200, height: 800 }, [big], big)).toEqual({ x: 680, y: 320, width: 1200, height: 800 });
  });

  it('centres a window that shows only a sliver (under 100 px) of itself', () => {
    expect(clampToDisplays({ x: 1400, y: 30, width: 1000, height: 700 }, [laptop], laptop)).toEqual({ x: 220, y: 113, width: 1000, height: 700 });
  });

  it('grows a window below the minimum size, within the display', () => {
    const r = clampToDisplays({ x: 10, y: 30, width: 300, height: 200 }, displays, laptop);
    expect(r).toEqual({ x: 10, y: 30, width: MIN_SIZE.width, height: MIN_SIZE.height });
  });

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1920, y: -200, width: 1920, height: 1080 };
    expect(clampToDisplays({ x: -1900, y: -300, width: 1200, height: 800 }, [laptop, left], laptop)).toEqual({ x: -1900, y: -200, width: 1200, height: 800 });
  });
});

describe('restoring', () => {
  it('opens centred at the default size on first start', () => {
    const big: Rect = { x: 0, y: 0, width: 2560, height: 1440 };
    expect(restoreWindowState(undefined, [big], big)).toEqual({ bounds: centredOn(big), maximized: false, fullScreen: false });
    expect(centredOn(big)).toEqual({ x: 480, y: 220, ...DEFAULT_SIZE });
  });

  it('restores maximized and fullscreen with the normal bounds fitted', () => {
    const saved = serializeWindowState({ bounds: { x: 5000, y: 0, width: 1600, height: 1000 }, maximized: true, fullScreen: true });
    expect(restoreWindowState(saved, displays, laptop)).toEqual({ bounds: { x: 3680, y: 0, width: 1600, height: 1000 }, maximized: true, fullScreen: true });
  });
});
