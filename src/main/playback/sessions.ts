// Creating and finding sessions. Implicit (GET /v1/master…) and explicit (POST /v1/session…) both land here.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { PlaybackConfiguration } from '../../shared/playback-config.js';
import type { EventBus } from '../bus/event-bus.js';
import type { PlaybackConfigStore } from '../config/store.js';
import { describeConfiguration, requestBaseUrl } from '../config/routes.js';
import { HttpError } from '../http/errors.js';
import type { SessionStore } from '../sessions/store.js';
import type { Session, SessionRequest } from '../sessions/types.js';

/** Before the first media playlist says how long the manifest is. */
export const DEFAULT_SESSION_TTL_MS = 10 * 60_000;
export const MIN_SESSION_TTL_MS = 60_000;

export interface SessionDeps {
  bus: EventBus;
  store: SessionStore;
  configs: PlaybackConfigStore;
  accountId: string;
  now: () => number;
}

export function checkAccount(deps: SessionDeps, acct: string): void {
  if (acct !== deps.accountId) throw new HttpError(404, `Unknown account "${acct}" (this bench's account id is ${deps.accountId})`);
}

export function configFor(deps: SessionDeps, req: FastifyRequest, name: string): PlaybackConfiguration {
  const c = deps.configs.get(name);
  if (!c) throw new HttpError(404, `Playback configuration "${name}" does not exist`);
  if (!c.VideoContentSourceUrl) throw new HttpError(400, `Playback configuration "${name}" has no VideoContentSourceUrl`);
  return describeConfiguration(c, requestBaseUrl(req), deps.accountId);
}

export function assetUrl(config: PlaybackConfiguration, asset: string, params: Record<string, string>): string {
  if (!asset || asset.split('/').some((p) => p === '..')) throw new HttpError(400, `Invalid asset path "${asset}"`);
  const base = config.VideoContentSourceUrl!.replace(/\/+$/, '');
  const u = new URL(`${base}/${asset.replace(/^\/+/, '')}`);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

export function clientOf(req: FastifyRequest): SessionRequest['client'] {
  const h = req.headers;
  const forwarded = typeof h['x-forwarded-for'] === 'string' ? h['x-forwarded-for'].split(',')[0]!.trim() : undefined;
  const ip = (typeof h['x-device-ip'] === 'string' ? h['x-device-ip'] : undefined) ?? forwarded ?? req.ip;
  const ua = (typeof h['x-device-user-agent'] === 'string' ? h['x-device-user-agent'] : undefined) ?? h['user-agent'];
  return { ...(ip ? { ip } : {}), ...(ua ? { userAgent: ua } : {}), ...(typeof h.referer === 'string' ? { referer: h.referer } : {}) };
}

export async function createSession(deps: SessionDeps, init: { config: PlaybackConfiguration; asset: string; format: 'hls' | 'dash'; originUrl: string; request: SessionRequest }): Promise<Session> {
  const now = deps.now();
  const session: Session = {
    id: randomUUID(),
    accountId: deps.accountId,
    configName: init.config.Name,
    config: init.config,
    format: init.format,
    asset: init.asset,
    originUrl: init.originUrl,
    request: init.request,
    createdAt: now,
    lastAccessAt: now,
    ttlMs: DEFAULT_SESSION_TTL_MS,
    tracks: [],
    avails: new Map(),
    decided: new Map(),
    memo: new Map(),
    availCount: 0,
    debug: [],
  };
  await deps.store.put(session);
  deps.bus.emit({
    kind: 'session',
    sessionId: session.id,
    action: 'created',
    configName: session.configName,
    asset: session.asset,
    format: session.format,
    reportingMode: session.request.reportingMode,
    ...(session.request.streamId ? { streamId: session.request.streamId } : {}),
  });
  return session;
}

export async function findSession(deps: SessionDeps, id: string): Promise<Session> {
  const r = await deps.store.touch(id, deps.now());
  if (r.state === 'live') return r.session;
  if (r.state === 'expired') {
    throw new HttpError(400, `Session ${id} has expired after a period without requests; start a new session from the playback URL`, 'BadRequestException');
  }
  throw new HttpError(404, `Unknown session "${id}"`);
}
