// POST /api/sessions/{id}/player (player reports) and GET /api/sessions/{id}/verdict (?format=junit).
import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../bus/event-bus.js';
import { HttpError } from '../http/errors.js';
import { sessionView } from '../playback/session-api.js';
import { VERSION } from '../engine/version.js';
import { describeZodError } from '../../shared/playback-config.js';
import type { SessionStore } from '../sessions/store.js';
import type { Session } from '../sessions/types.js';
import { gatherEvidence, type ManifestEvidence } from './evidence.js';
import { beaconTiming, missingBeacons } from './checks/beacons.js';
import { verdictJUnit } from './junit.js';
import type { PlayerObservations } from './observations.js';
import { PlayerReportSchema } from './player-schema.js';
import { judge } from './verdict.js';

export interface VerdictDeps {
  store: SessionStore;
  bus: EventBus;
  /** More session data for the export (the inspectors' manifest history and ADS exchanges), by section name. */
  exportSections?: (session: Session) => Record<string, unknown>;
  observations: PlayerObservations;
  /** The stitched manifests as served and their lint (the manifest inspector's history), when kept. */
  manifests?: (session: Session) => ManifestEvidence | undefined;
  now: () => number;
}

export async function verdictRoutes(app: FastifyInstance, deps: VerdictDeps): Promise<void> {
  const session = async (id: string) => {
    const s = await deps.store.peek(id);
    if (!s) throw new HttpError(404, `Unknown session "${id}"`);
    return s;
  };

  app.post<{ Params: { id: string } }>('/api/sessions/:id/player', async (req, reply) => {
    const parsed = PlayerReportSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, `Invalid player report: ${describeZodError(parsed.error)}`);
    const s = await session(req.params.id);
    deps.observations.add(s.id, parsed.data.player, parsed.data.observations);
    return reply.code(204).send();
  });

  // The beacon report with each beacon judged as the verdict judges it: what the beacon log shows.
  app.get<{ Params: { id: string } }>('/api/sessions/:id/beacon-log', async (req, reply) => {
    const s = await session(req.params.id);
    // Polled every second: no manifest lint here, beacons do not need it.
    const ev = gatherEvidence(s, deps.observations.of(s.id));
    const missing = missingBeacons(ev);
    reply.header('cache-control', 'no-store');
    return {
      ...ev.beacons,
      playheadSeconds: ev.playhead.maxT,
      avails: ev.beacons.avails.map((a) => ({
        ...a,
        ads: a.ads.map((ad) => ({
          ...ad,
          beacons: ad.beacons.map((b) => {
            const timing = beaconTiming(ev, b);
            return { ...b, ...(timing ? { timing } : {}), ...(missing.has(b.id) ? { missing: true } : {}) };
          }),
        })),
      })),
    };
  });

  // Everything about one session in one file, for bug reports and for comparing runs: its setup (configuration
  // snapshot, parameters), what the stitcher decided, the verdict, beacons, the player's reports, the session's
  // events, and the manifests and ADS exchanges the inspectors kept.
  app.get<{ Params: { id: string } }>('/api/sessions/:id/export', async (req, reply) => {
    const s = await session(req.params.id);
    const observations = deps.observations.of(s.id);
    const ev = gatherEvidence(s, observations, deps.manifests?.(s));
    const at = deps.now();
    reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="stitchbench-${s.id}.session.json"`);
    return {
      stitchbench: { version: VERSION, exportedAt: new Date(at).toISOString(), format: 'session-export/1' },
      session: sessionView(s, true),
      configuration: s.config,
      request: { adsParams: s.request.adsParams, playerParams: s.request.playerParams, manifestParams: s.request.manifestParams, reportingMode: s.request.reportingMode, insertionMode: s.request.insertionMode },
      verdict: judge(ev, at),
      beacons: ev.beacons,
      playerObservations: observations,
      events: deps.bus.recent({ sessionId: s.id, limit: 5000 }),
      ...(deps.exportSections?.(s) ?? {}),
    };
  });

  app.get<{ Params: { id: string }; Querystring: { format?: string } }>('/api/sessions/:id/verdict', async (req, reply) => {
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'junit') throw new HttpError(400, `Unknown format "${format}" (json or junit)`);
    const s = await session(req.params.id);
    const verdict = judge(gatherEvidence(s, deps.observations.of(s.id), deps.manifests?.(s)), deps.now());
    reply.header('cache-control', 'no-store');
    if (format === 'junit') return reply.type('application/xml').header('content-disposition', `attachment; filename="stitchbench-${s.id}.junit.xml"`).send(verdictJUnit(verdict));
    return verdict;
  });
}
