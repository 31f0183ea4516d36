// The demo ad decision server: VAST/VMAP with scripted faults, plus a beacon sink whose hits are listed per session.
// Media under media/ is served by another route; this plugin only references it by absolute URL.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decideVast, vastContext } from './decide.js';
import { DEMO_ADS_ENDPOINTS, FAULT_DESCRIPTIONS, VAST_PARAMS, VMAP_PARAMS } from './describe.js';
import { HitStore, NO_SESSION } from './hit-store.js';
import { DEFAULT_POD } from './pick-ads.js';
import {
  eventsQuery, parseQuery, trackQuery, TRANSPORT_FAULTS, vastQuery, vastSearch, vmapQuery,
  type Fault, type VmapQuery,
} from './params.js';
import type { DemoAdCreative, DemoAdsOptions } from './types.js';
import { garbageVast } from './vast-xml.js';
import { breakIds, garbageVmap, vmapDocument, type VmapBreak } from './vmap-xml.js';
import { xmlDocument } from './xml.js';

export type { DemoAdCreative, DemoAdsOptions } from './types.js';
export { DEMO_ADS_ENDPOINTS } from './describe.js';

/** How long fault=timeout holds the request before giving up itself. */
export const TIMEOUT_FAULT_CAP_MS = 60_000;

const XML = 'application/xml; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

type HoldResult = 'elapsed' | 'aborted' | 'closing';

export async function demoAdsPlugin(app: FastifyInstance, opts: DemoAdsOptions): Promise<void> {
  const { bus, creatives, baseUrl } = opts;
  const hits = new HitStore();
  // Requests held by slow/timeout faults; released on shutdown so close() never waits on a 60 s timer.
  const held = new Set<(r: HoldResult) => void>();
  app.addHook('preClose', async () => {
    for (const release of [...held]) release('closing');
  });

  const absolute = (request: FastifyRequest): string => {
    try {
      return new URL(baseUrl()).origin + request.url;
    } catch {
      return request.url;
    }
  };

  /** Wait `ms`, unless the client goes away first (then the timer is dropped). */
  const hold = (reply: FastifyReply, ms: number): Promise<HoldResult> =>
    new Promise((resolve) => {
      const res = reply.raw;
      if (res.destroyed) return resolve('aborted');
      const finish = (r: HoldResult) => {
        clearTimeout(timer);
        res.off('close', onClose);
        held.delete(finish);
        resolve(r);
      };
      const onClose = () => finish('aborted');
      const timer = setTimeout(() => finish('elapsed'), ms);
      res.once('close', onClose);
      held.add(finish);
    });

  /** One answer of /vast or /vmap, always reported on the bus. */
  const answerer = (request: FastifyRequest, reply: FastifyReply) => {
    const t0 = performance.now();
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const fault = typeof raw.fault === 'string' ? raw.fault : undefined;
    const sid = typeof raw.sid === 'string' && raw.sid ? raw.sid : undefined;
    const report = (status: number, bytes: number | undefined, error?: string) =>
      bus.emit({
        kind: 'ads.request', side: 'demo-ads', url: absolute(request), status, ms: Math.round((performance.now() - t0) * 10) / 10,
        ...(bytes !== undefined ? { bytes } : {}), ...(fault ? { fault } : {}), ...(sid ? { sessionId: sid } : {}), ...(error ? { error } : {}),
      });
    return {
      send(status: number, type: string, body: string, error?: string): FastifyReply {
        report(status, Buffer.byteLength(body), error);
        return reply.code(status).type(type).header('cache-control', 'no-store').header('access-control-allow-origin', '*').send(body);
      },
      badRequest(message: string): FastifyReply {
        return this.send(400, JSON_TYPE, JSON.stringify({ message }), message);
      },
      /** The client left: nothing to send, but the bench still sees the call (499 as nginx logs it). */
      aborted(): FastifyReply {
        report(499, undefined, 'client disconnected');
        reply.hijack();
        return reply;
      },
    };
  };

  /** slow/timeout/500/garbage: how (or whether) `body` gets answered. */
  const deliver = async (
    reply: FastifyReply,
    answer: ReturnType<typeof answerer>,
    fault: Fault | undefined,
    delay: number,
    body: () => string,
    garbage: string,
  ): Promise<FastifyReply> => {
    if (fault === 'slow' || fault === 'timeout') {
      const r = await hold(reply, fault === 'slow' ? delay : TIMEOUT_FAULT_CAP_MS);
      if (r === 'aborted') return answer.aborted();
      if (r === 'closing') return answer.send(503, TEXT, 'demo ADS is shutting down\n');
      if (fault === 'timeout') return answer.send(504, TEXT, `demo ADS fault=timeout: gave up after ${TIMEOUT_FAULT_CAP_MS} ms\n`);
    }
    if (fault === '500') return answer.send(500, TEXT, 'demo ADS fault=500: internal server error\n');
    if (fault === 'garbage') return answer.send(200, XML, garbage);
    return answer.send(200, XML, body());
  };

  app.get('/vast', async (request, reply) => {
    const answer = answerer(request, reply);
    const parsed = parseQuery(vastQuery, request.query);
    if (!parsed.ok) return answer.badRequest(parsed.message);
    const q = parsed.value;
    const base = baseUrl();
    const search = new URL(request.url, 'http://x').searchParams;
    const nextSearch = new URLSearchParams(search);
    nextSearch.set('wrapper', String(q.wrapper - 1));
    const doc = decideVast(vastContext(base, q), q, creatives(), {
      self: `${base}/vast${search.size > 0 ? `?${search.toString()}` : ''}`,
      next: `${base}/vast?${nextSearch.toString()}`,
    });
    if (!doc.ok) return answer.badRequest(doc.message);
    // Transport faults hit the last hop of a wrapper chain only.
    const fault = q.wrapper > 0 ? undefined : q.fault;
    return deliver(reply, answer, fault, q.delay, () => xmlDocument(doc.value), garbageVast(q.v));
  });

  app.get('/vmap', async (request, reply) => {
    const answer = answerer(request, reply);
    const parsed = parseQuery(vmapQuery, request.query);
    if (!parsed.ok) return answer.badRequest(parsed.message);
    const q = parsed.value;
    const base = baseUrl();
    const breaks = vmapBreaks(base, q, creatives());
    if (!breaks.ok) return answer.badRequest(breaks.message);
    const ctx = { base, ...(q.sid ? { sid: q.sid } : {}), ...(q.beacons ? { beacons: q.beacons } : {}) };
    const fault = q.fault && TRANSPORT_FAULTS.includes(q.fault) ? q.fault : undefined;
    return deliver(reply, answer, fault, q.delay, () => xmlDocument(vmapDocument(ctx, breaks.value)), garbageVmap());
  });

  app.get('/track', async (request, reply) => {
    const parsed = parseQuery(trackQuery, request.query);
    const url = absolute(request);
    if (!parsed.ok) {
      bus.emit({ kind: 'beacon', sender: 'demo-ads', event: 'invalid', url, status: 400, error: parsed.message });
      return reply.code(400).send({ message: parsed.message });
    }
    const { ev, sid, ad, code, fail } = parsed.value;
    hits.record({
      at: Date.now(), ev, ip: request.ip, query: flatQuery(request.query),
      ...(sid ? { sid } : {}), ...(ad ? { ad } : {}), ...(code ? { code } : {}),
      ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
    });
    const status = fail === '500' ? 500 : 200;
    bus.emit({ kind: 'beacon', sender: 'demo-ads', event: ev, url, status, ...(ad ? { adId: ad } : {}), ...(sid ? { sessionId: sid } : {}) });
    if (status === 500) return reply.code(500).type('text/plain').header('cache-control', 'no-store').send('demo ADS beacons=500: tracking sink failed\n');
    return reply.code(200).type('image/gif').header('cache-control', 'no-store').header('access-control-allow-origin', '*').send(PIXEL);
  });

  app.get('/events', async (request, reply) => {
    const parsed = parseQuery(eventsQuery, request.query);
    if (!parsed.ok) return reply.code(400).send({ message: parsed.message });
    const { sid } = parsed.value;
    reply.header('cache-control', 'no-store');
    return sid ? { sid, hits: hits.list(sid) } : { sessions: hits.summary() };
  });

  app.delete('/events', async (request, reply) => {
    const parsed = parseQuery(eventsQuery, request.query);
    if (!parsed.ok) return reply.code(400).send({ message: parsed.message });
    return { cleared: hits.clear(parsed.value.sid) };
  });

  app.get('/', async () => ({
    name: 'Stitchbench demo ADS',
    baseUrl: baseUrl(),
    ready: creatives().length > 0,
    creatives: creatives().map((c) => ({ id: c.id, title: c.title, durationSeconds: c.durationSeconds })),
    endpoints: DEMO_ADS_ENDPOINTS,
    params: { vast: VAST_PARAMS, vmap: VMAP_PARAMS },
    faults: FAULT_DESCRIPTIONS,
    anonymousSession: NO_SESSION,
  }));
}

/** One VAST per break, rotated so breaks differ; tag mode points each break at /vast with the same choices. */
function vmapBreaks(base: string, q: VmapQuery, all: DemoAdCreative[]): { ok: true; value: VmapBreak[] } | { ok: false; message: string } {
  const ids = breakIds(q.breaks);
  // Document-level faults travel into the breaks; transport faults stay on the VMAP itself.
  const fault = q.fault && !TRANSPORT_FAULTS.includes(q.fault) ? q.fault : undefined;
  const out: VmapBreak[] = [];
  for (const [i, timeOffset] of q.breaks.entries()) {
    const breakId = ids[i]!;
    const bq = { ...q, brk: breakId, rotate: i * (q.pod ?? DEFAULT_POD), fault, delay: undefined };
    const tagUrl = `${base}/vast?${vastSearch(bq)}`;
    // Decided in tag mode too, so a bad `ads` list is a 400 here rather than later at /vast.
    const doc = decideVast(vastContext(base, bq), bq, all, {
      self: tagUrl,
      next: `${base}/vast?${vastSearch({ ...bq, wrapper: q.wrapper - 1 })}`,
    });
    if (!doc.ok) return doc;
    const source = q.tag ? { tagUrl, templateType: `vast${q.v.charAt(0)}` } : { vast: doc.value };
    out.push({ timeOffset, breakId, source });
  }
  return { ok: true, value: out };
}

function flatQuery(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    out[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
  }
  return out;
}
