// The live event stream over real HTTP: replay, per-session filtering, live delivery and resume.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../src/shared/events.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

/** Reads SSE frames from a fetch body until `count` bench events arrived. */
async function readEvents(res: Response, count: number, timeoutMs = 5000): Promise<BenchEvent[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const out: BenchEvent[] = [];
  let buf = '';
  const deadline = Date.now() + timeoutMs;
  while (out.length < count && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const frame = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (data) out.push(JSON.parse(data.slice(6)) as BenchEvent);
    }
  }
  await reader.cancel();
  return out;
}

describe('event stream (SSE)', () => {
  let e: TestEngine;
  beforeAll(async () => {
    e = await startTestEngine();
  });
  afterAll(async () => e.dispose());

  it('replays a session\'s recent events, then streams new ones live', async () => {
    e.bus.emit({ kind: 'beacon', url: 'http://b/1', event: 'impression', sender: 'server', sessionId: 'sess-1' });
    e.bus.emit({ kind: 'beacon', url: 'http://b/other', event: 'impression', sender: 'server', sessionId: 'sess-2' });
    // (kinds=beacon: the ADS log derives an ads.log event from each beacon, which the session's stream also carries.)
    const res = await e.get('/api/events?sessionId=sess-1&replay=50&kinds=beacon');
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    setTimeout(() => e.bus.emit({ kind: 'beacon', url: 'http://b/2', event: 'start', sender: 'server', sessionId: 'sess-1' }), 100);
    const events = await readEvents(res, 2);
    expect(events.map((x) => (x as { url: string }).url)).toEqual(['http://b/1', 'http://b/2']);
  });

  it('resumes after Last-Event-ID and filters by kind', async () => {
    const first = e.bus.emit({ kind: 'error', where: 'x', message: 'one' });
    e.bus.emit({ kind: 'error', where: 'x', message: 'two' });
    e.bus.emit({ kind: 'config.changed', name: 'n', action: 'put' });
    const res = await e.get('/api/events?kinds=error', { headers: { 'last-event-id': String(first.seq) } });
    const events = await readEvents(res, 1);
    expect(events.map((x) => (x as { message: string }).message)).toEqual(['two']);
  });

  it('rejects unknown kinds and bad replay counts', async () => {
    expect((await e.json('/api/events?kinds=nope')).status).toBe(400);
    expect((await e.json('/api/events?replay=-1')).status).toBe(400);
  });

  it('reports configuration changes on the bus', async () => {
    await e.get('/playbackConfiguration', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Name: 'watched' }) });
    const { body } = await e.json<{ events: BenchEvent[] }>('/api/events/recent?kinds=config.changed');
    expect(body.events.some((x) => x.kind === 'config.changed' && x.name === 'watched')).toBe(true);
  });
});
