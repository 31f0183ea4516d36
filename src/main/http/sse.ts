// The live event stream: Server-Sent Events over the bus, with replay of recent events
// (per session when ?sessionId= is given) and resume from Last-Event-ID after a reconnect.
import type { FastifyInstance } from 'fastify';
import { BENCH_EVENT_KINDS, type BenchEvent, type BenchEventKind } from '../../shared/events.js';
import type { EventBus, EventFilter } from '../bus/event-bus.js';
import { HttpError } from './errors.js';

interface EventsQuery {
  sessionId?: string;
  kinds?: string;
  replay?: string;
  after?: string;
}

function parseFilter(q: EventsQuery): EventFilter & { replay: number; afterSeq?: number } {
  const kinds = q.kinds ? q.kinds.split(',').filter(Boolean) : [];
  for (const k of kinds) {
    if (!BENCH_EVENT_KINDS.includes(k as BenchEventKind)) throw new HttpError(400, `kinds: unknown event kind "${k}"`);
  }
  const replay = q.replay === undefined ? 100 : Number(q.replay);
  if (!Number.isInteger(replay) || replay < 0 || replay > 5000) throw new HttpError(400, 'replay: must be an integer 0..5000');
  const after = q.after === undefined ? undefined : Number(q.after);
  if (after !== undefined && !Number.isInteger(after)) throw new HttpError(400, 'after: must be an integer');
  const filter: EventFilter & { replay: number; afterSeq?: number } = { replay, kinds: kinds as BenchEventKind[] };
  if (q.sessionId) filter.sessionId = q.sessionId;
  if (after !== undefined) filter.afterSeq = after;
  return filter;
}

function frame(e: BenchEvent): string {
  return `id: ${e.seq}\nevent: bench\ndata: ${JSON.stringify(e)}\n\n`;
}

export async function eventRoutes(app: FastifyInstance, opts: { bus: EventBus }): Promise<void> {
  const { bus } = opts;

  // JSON snapshot of recent events (tests, exports, curl).
  app.get<{ Querystring: EventsQuery }>('/api/events/recent', async (req) => {
    const f = parseFilter(req.query);
    return { lastSeq: bus.lastSeq, events: bus.recent({ ...f, limit: f.replay || undefined }) };
  });

  app.get<{ Querystring: EventsQuery }>('/api/events', (req, reply) => {
    const f = parseFilter(req.query);
    const lastEventId = Number(req.headers['last-event-id']);
    if (Number.isInteger(lastEventId) && lastEventId > 0) f.afterSeq = lastEventId;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'access-control-allow-origin': '*',
    });
    res.write(`retry: 2000\n: stitchbench event stream, last seq ${bus.lastSeq}\n\n`);
    const backlog = bus.recent({ ...f, limit: f.afterSeq !== undefined ? 5000 : f.replay });
    for (const e of backlog) res.write(frame(e));
    const unsubscribe = bus.subscribe((e) => res.write(frame(e)), f);
    // Comment pings keep proxies and idle timeouts from closing a quiet stream.
    const ping = setInterval(() => res.write(': ping\n\n'), 15000);
    ping.unref();
    const close = () => {
      clearInterval(ping);
      unsubscribe();
    };
    req.raw.on('close', close);
    res.on('error', close);
  });
}
