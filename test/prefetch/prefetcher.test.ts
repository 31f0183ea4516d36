// The prefetcher on its own: whatever goes wrong during a retrieval is that retrieval's failure, never a rejected
// tick (the tick runs on a timer, where a rejection would be an unhandled one).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/main/bus/event-bus.js';
import { Prefetcher } from '../../src/main/prefetch/prefetcher.js';
import { PrefetchScheduleStore } from '../../src/main/prefetch/store.js';
import type { SessionStore } from '../../src/main/sessions/store.js';
import type { Session } from '../../src/main/sessions/types.js';
import type { BenchEvent } from '../../src/shared/events.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Prefetcher', () => {
  it('a retrieval that throws is marked failed with the reason, and the tick resolves', async () => {
    dir = await mkdtemp(join(tmpdir(), 'prefetcher-'));
    const schedules = new PrefetchScheduleStore(dir);
    const now = 1_800_000_000_000;
    await schedules.put({ Arn: 'a', Name: 'p', PlaybackConfigurationName: 'c', ScheduleType: 'SINGLE', Retrieval: { StartTime: now / 1000, EndTime: now / 1000 + 60 }, Consumption: { StartTime: now / 1000, EndTime: now / 1000 + 600 } });
    const session = { id: 's1', configName: 'c', live: true, request: {} } as unknown as Session;
    const sessions = { list: async () => [session], peek: async () => Promise.reject(new Error('store down')) } as unknown as SessionStore;
    const bus = new EventBus();
    const events: BenchEvent[] = [];
    bus.subscribe((e) => events.push(e));
    const p = new Prefetcher({ schedules, sessions, bus, now: () => now });
    await expect(p.tick()).resolves.toBeUndefined();
    const v = p.overview('c').schedules[0]!;
    expect(v.retrievals).toMatchObject([{ sessionId: 's1', state: 'failed', error: 'store down' }]);
    expect(events.some((e) => e.kind === 'prefetch' && e.action === 'failed' && e.error === 'store down')).toBe(true);
  });
});
