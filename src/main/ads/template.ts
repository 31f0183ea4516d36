// ADS URL templating as MediaTailor does it: [namespace.name] variables in the configured AdDecisionServerUrl,
// values URL-encoded on the way in. One regex pass with a replacer, so the cost does not grow with the number of
// variables. Bracketed text that is not namespace.name (IPv6 hosts, [CACHEBUSTING]-style ADS macros) is left alone.

export interface AdsSessionVariables {
  id?: string;
  uuid?: string;
  /** Either duration unit may be given; the other is derived. */
  availDurationMs?: number;
  availDurationSecs?: number;
  clientIp?: string;
  referer?: string;
  userAgent?: string;
}

export interface AdsVariables {
  session?: AdsSessionVariables;
  avail?: { index?: number; random?: number };
  /** [player_params.NAME]: the session's ads.* / player parameters, by NAME. */
  playerParams?: Record<string, string>;
  /** [asset.NAME] */
  asset?: Record<string, string>;
  /** [scte.NAME]: segmentation_upid, segmentation_type_id, event_id, avail_num, avails_expected, … */
  scte?: Record<string, string>;
}

export interface ExpandOptions {
  /**
   * MediaTailor ConfigurationAliases: { 'player_params.ad_type': { customized: 'abc', default: 'xyz' } }. When the
   * template uses [player_params.ad_type] and the session value is a key of that map, the alias value is used.
   * A value missing from the map is used as is.
   */
  aliases?: Record<string, Record<string, string>>;
}

export interface ExpandResult {
  url: string;
  /** Variables the template used that had no value (replaced by ''), each once, in order of appearance. */
  unknown: string[];
}

const VARIABLE = /\[([A-Za-z_][\w-]*)\.([\w.-]+)\]/g;

export function expandAdsUrl(template: string, vars: AdsVariables, opts: ExpandOptions = {}): ExpandResult {
  const unknown: string[] = [];
  const url = template.replace(VARIABLE, (_m, ns: string, name: string) => {
    let value = lookup(vars, ns, name);
    const key = `${ns}.${name}`;
    if (value !== undefined) {
      const alias = opts.aliases?.[key];
      if (alias && Object.hasOwn(alias, value)) value = alias[value]!;
      return encodeURIComponent(value);
    }
    if (!unknown.includes(key)) unknown.push(key);
    return '';
  });
  return { url, unknown };
}

function lookup(vars: AdsVariables, ns: string, name: string): string | undefined {
  switch (ns) {
    case 'session':
      return session(vars.session, name);
    case 'avail':
      if (name === 'index') return str(vars.avail?.index);
      if (name === 'random') return str(vars.avail?.random);
      return undefined;
    case 'player_params':
      return own(vars.playerParams, name);
    case 'asset':
      return own(vars.asset, name);
    case 'scte':
      return own(vars.scte, name);
    default:
      return undefined;
  }
}

function session(s: AdsSessionVariables | undefined, name: string): string | undefined {
  if (!s) return undefined;
  switch (name) {
    case 'id':
      return s.id;
    case 'uuid':
      return s.uuid;
    case 'avail_duration_ms':
      return str(s.availDurationMs ?? (s.availDurationSecs !== undefined ? Math.round(s.availDurationSecs * 1000) : undefined));
    case 'avail_duration_secs':
      return str(s.availDurationSecs ?? (s.availDurationMs !== undefined ? Math.round(s.availDurationMs / 1000) : undefined));
    case 'client_ip':
      return s.clientIp;
    case 'referer':
      return s.referer;
    case 'user_agent':
      return s.userAgent;
    default:
      return undefined;
  }
}

const str = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? undefined : String(n));
// Own keys only: a player parameter named "constructor" must not find Object.prototype's.
const own = (r: Record<string, string> | undefined, k: string) => (r && Object.hasOwn(r, k) ? r[k] : undefined);

/**
 * Session `ads.*` parameters (playback URL query or session-init body: `ads.foo=bar`) for the ADS request.
 * In MediaTailor they reach the ADS only through [player_params.foo] in the template; the bench does that and,
 * so that a tester's ad-hoc parameters are never silently dropped, also appends every parameter the template does
 * not reference to the ADS URL's query (`foo=bar`, URL-encoded, before any #fragment).
 * Names may be given with or without the `ads.` prefix. Expand the returned template with
 * `expandAdsUrl(template, { ...vars, playerParams })`.
 */
export function adsParamsToQuery(template: string, adsParams: Record<string, string>): { template: string; playerParams: Record<string, string> } {
  // fromEntries (not assignment) so even a parameter named __proto__ becomes an ordinary own key.
  const playerParams = Object.fromEntries(Object.entries(adsParams).map(([k, v]) => [k.startsWith('ads.') ? k.slice(4) : k, v]));
  const referenced = new Set<string>();
  for (const m of template.matchAll(VARIABLE)) if (m[1] === 'player_params') referenced.add(m[2]!);
  const extra = Object.entries(playerParams)
    .filter(([k]) => !referenced.has(k))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  if (extra.length === 0) return { template, playerParams };
  const hash = template.indexOf('#');
  const head = hash >= 0 ? template.slice(0, hash) : template;
  const tail = hash >= 0 ? template.slice(hash) : '';
  const sep = !head.includes('?') ? '?' : /[?&]$/.test(head) ? '' : '&';
  return { template: `${head}${sep}${extra.join('&')}${tail}`, playerParams };
}
