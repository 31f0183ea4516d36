import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/main/bus/event-bus.js';
import { RingBuffer } from '../../src/main/bus/ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps the newest items in order once full', () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.size).toBe(3);
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});

describe('EventBus', () => {
  it('stamps seq and time, fans out by session and kind, and survives a throwing listener', () => {
    const bus = new EventBus();
    const got: string[] = [];
    bus.subscribe(() => {
      throw new Error('broken view');
    });
    bus.subscribe((e) => got.push(`${e.kind}:${e.seq}`), { sessionId: 's1', kinds: ['beacon'] });
    const a = bus.emit({ kind: 'beacon', url: 'http://x/1', event: 'start', sender: 'server', sessionId: 's1' });
    bus.emit({ kind: 'beacon', url: 'http://x/2', event: 'start', sender: 'server', sessionId: 's2' });
    bus.emit({ kind: 'error', where: 'test', message: 'm', sessionId: 's1' });
    expect(a.seq).toBe(1);
    expect(a.at).toBeGreaterThan(0);
    expect(got).toEqual(['beacon:1']);
  });

  it('replays recent events per session, after a cursor, limited, and forgets the least active sessions', () => {
    const bus = new EventBus({ globalHistory: 10, sessionHistory: 3, maxSessions: 2 });
    for (let i = 0; i < 5; i++) bus.emit({ kind: 'error', where: 'w', message: String(i), sessionId: 'a' });
    bus.emit({ kind: 'error', where: 'w', message: 'b0', sessionId: 'b' });
    expect(bus.recent({ sessionId: 'a' }).map((e) => (e as { message: string }).message)).toEqual(['2', '3', '4']);
    expect(bus.recent({ afterSeq: 4 }).map((e) => e.seq)).toEqual([5, 6]);
    expect(bus.recent({ limit: 2 }).map((e) => e.seq)).toEqual([5, 6]);
    bus.emit({ kind: 'error', where: 'w', message: 'c0', sessionId: 'c' });
    expect(bus.recent({ sessionId: 'a' })).toEqual([]); // 'a' was the least recently active
    expect(bus.recent({ sessionId: 'b' })).toHaveLength(1);
  });
});
