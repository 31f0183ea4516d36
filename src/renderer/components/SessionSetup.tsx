// How the next sessions are made: demo ADS fault modes (the ADS reads them from ads.* parameters), ads/player/
// origin parameters, server- or client-side beacons, stitched ads or HLS Interstitials, and a second player to
// compare. Apply starts new sessions with it; the page URL is then a permalink to this exact setup.
import { useState } from 'react';
import { ADS_FAULTS, BEACON_FAULTS, parseParams } from '../lib/session-params';
import { useEngine } from '../store/engine';
import { isDirty, useSetup, type Compare } from '../store/setup';
import '../styles/setup.css';

const FAULT_TEXT: Record<string, string> = {
  '': 'none: answer normally',
  slow: 'slow: answer after a delay',
  timeout: 'timeout: never answer (ADS timeout)',
  '500': '500: HTTP 500',
  garbage: 'garbage: malformed XML',
  empty: 'empty: VAST without ads',
  nofill: 'nofill: VAST with only <Error>',
  loop: 'loop: wrapper pointing at itself',
};

const ORIGIN_PRESETS: [string, string][] = [
  ['', 'none'],
  ['fault=slow&delay=2500', 'slow manifests (2.5 s > 2 s timeout)'],
  ['fault=404&every=3', '404 on every 3rd manifest'],
  ['fault=500&every=4', '500 on every 4th manifest'],
  ['fault=timeout&every=5', 'no answer on every 5th manifest'],
  ['fault=stale', 'stale live playlist'],
  ['segfault=404&every=7', '404 on every 7th segment'],
];

export function SessionSetup() {
  const draft = useSetup((s) => s.draft);
  const dirty = useSetup(isDirty);
  const set = useSetup((s) => s.set);
  const apply = useSetup((s) => s.apply);
  const catalog = useEngine((s) => s.catalog);
  const assets = catalog?.assets ?? [];
  const [copied, setCopied] = useState(false);

  const errors = {
    ads: paramError(draft.adsParams),
    player: paramError(draft.playerParams),
    origin: paramError(draft.originParams),
    b: paramError(draft.bAdsParams),
  };
  const valid = Object.values(errors).every((e) => e === null);

  const copyLink = async () => {
    apply();
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (insecure context): the URL bar holds the same link.
    }
  };

  return (
    <form
      className="session-setup"
      data-testid="session-setup"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) apply();
      }}
    >
      <fieldset>
        <legend>Ad decision server</legend>
        <label>
          Fault
          <select data-testid="setup-ads-fault" value={draft.adsFault} onChange={(e) => set({ adsFault: e.target.value })}>
            {['', ...ADS_FAULTS].map((f) => (
              <option key={f} value={f}>
                {FAULT_TEXT[f] ?? f}
              </option>
            ))}
          </select>
        </label>
        {draft.adsFault === 'slow' && (
          <label>
            Delay (ms)
            <input type="number" min={0} max={30000} step={100} value={draft.adsDelayMs} onChange={(e) => set({ adsDelayMs: Number(e.target.value) || 0 })} />
          </label>
        )}
        <label>
          Wrapper hops
          <input type="number" min={0} max={10} data-testid="setup-wrapper" value={draft.wrapper} onChange={(e) => set({ wrapper: Math.max(0, Math.min(10, Number(e.target.value) || 0)) })} />
        </label>
        <label>
          Beacon host
          <select data-testid="setup-beacons" value={draft.beacons} onChange={(e) => set({ beacons: e.target.value })}>
            <option value="">up</option>
            {BEACON_FAULTS.map((f) => (
              <option key={f} value={f}>
                {f === 'down' ? 'down (connection refused)' : 'answers HTTP 500'}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">Faults apply to the demo ADS (sent as ads.fault, ads.beacons…); another ADS receives them as plain parameters.</p>
      </fieldset>

      <fieldset>
        <legend>Parameters</legend>
        <ParamField label="Ads params" testId="setup-ads-params" value={draft.adsParams} error={errors.ads} placeholder="k=v&k2=v2 → ads.k" onChange={(v) => set({ adsParams: v })} />
        <label>
          Origin
          <select value={ORIGIN_PRESETS.some(([v]) => v === draft.originParams) ? draft.originParams : 'custom'} onChange={(e) => e.target.value !== 'custom' && set({ originParams: e.target.value })} data-testid="setup-origin-fault">
            {ORIGIN_PRESETS.map(([v, text]) => (
              <option key={v} value={v}>
                {text}
              </option>
            ))}
            {!ORIGIN_PRESETS.some(([v]) => v === draft.originParams) && <option value="custom">custom</option>}
          </select>
        </label>
        <ParamField label="Origin params" testId="setup-origin-params" value={draft.originParams} error={errors.origin} placeholder="passed to the origin" onChange={(v) => set({ originParams: v })} />
      </fieldset>

      <fieldset>
        <legend>Session</legend>
        <Radio name="reporting" label="Beacons" value={draft.reportingMode} options={[['server', 'server-side'], ['client', 'client-side (player reports)']]} onChange={(v) => set({ reportingMode: v as 'server' | 'client' })} />
        {draft.reportingMode === 'client' && <ParamField label="Player params" testId="setup-player-params" value={draft.playerParams} error={errors.player} placeholder="k=v (explicit session)" onChange={(v) => set({ playerParams: v })} />}
        <Radio name="insertion" label="Insertion" value={draft.insertion} options={[['stitched', 'stitched'], ['guided', 'HLS Interstitials']]} onChange={(v) => set({ insertion: v as 'stitched' | 'guided' })} />
      </fieldset>

      <fieldset>
        <legend>Compare</legend>
        <select data-testid="setup-compare" value={draft.compare} onChange={(e) => set({ compare: e.target.value as Compare })}>
          <option value="off">one player</option>
          <option value="same-session">same session in two players</option>
          <option value="second-session">two sessions side by side</option>
        </select>
        {draft.compare === 'second-session' && (
          <>
            <ParamField label="B ads params" testId="setup-b-ads-params" value={draft.bAdsParams} error={errors.b} placeholder="e.g. ads=ad2 (personalisation)" onChange={(v) => set({ bAdsParams: v })} />
            <label>
              B content
              <select data-testid="setup-b-asset" value={draft.bAssetId} onChange={(e) => set({ bAssetId: e.target.value })}>
                <option value="">same as A</option>
                {assets.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </fieldset>

      <div className="setup-actions">
        <button type="submit" className="text-button primary" data-testid="setup-apply" disabled={!valid}>
          {dirty ? 'Apply & restart' : 'Restart'}
        </button>
        <button type="button" className="text-button" data-testid="copy-permalink" onClick={() => void copyLink()} title="Copy a link that reproduces this setup">
          {copied ? 'Copied' : 'Copy permalink'}
        </button>
      </div>
    </form>
  );
}

function paramError(text: string): string | null {
  const r = parseParams(text);
  return r.ok ? null : r.error;
}

function ParamField({ label, value, error, placeholder, testId, onChange }: { label: string; value: string; error: string | null; placeholder: string; testId: string; onChange(v: string): void }) {
  return (
    <label>
      {label}
      <input type="text" className="mono" data-testid={testId} value={value} placeholder={placeholder} aria-invalid={error !== null} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

function Radio({ name, label, value, options, onChange }: { name: string; label: string; value: string; options: [string, string][]; onChange(v: string): void }) {
  return (
    <div className="setup-radio" role="radiogroup" aria-label={label}>
      <span>{label}</span>
      {options.map(([v, text]) => (
        <label key={v}>
          <input type="radio" name={name} value={v} data-testid={`setup-${name}-${v}`} checked={value === v} onChange={() => onChange(v)} /> {text}
        </label>
      ))}
    </div>
  );
}
