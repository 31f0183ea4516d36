// The bench's panels under the players, one at a time on a tab strip: verdict, beacons, latency, the two
// inspectors, the event log, transcoding and prefetch schedules. Keys 1–8 (and the Session menu) switch; the
// choice is kept in the URL so a permalink opens on the same panel.
import { useEffect, useState, type ReactNode } from 'react';
import { useFocusedSession } from '../hooks/useFocusedSession';
import { onBenchCommand } from '../lib/bench-commands';
import { initialPanel, rememberPanel } from '../lib/url-params';
import { AdsInspector } from './AdsInspector';
import { BeaconLog } from './BeaconLog';
import { EventLog } from './EventLog';
import { LatencyPanel } from './LatencyPanel';
import { ManifestInspector } from './ManifestInspector';
import { PrefetchPanel } from './PrefetchPanel';
import { TranscodePanel } from './TranscodePanel';
import { VerdictPanel } from './VerdictPanel';
import '../styles/tabs.css';

export const PANELS = ['verdict', 'beacons', 'latency', 'manifests', 'ads', 'events', 'transcoding', 'prefetch'] as const;
export type PanelId = (typeof PANELS)[number];

const TITLES: Record<PanelId, string> = {
  verdict: 'Verdict',
  beacons: 'Beacons',
  latency: 'Latency',
  manifests: 'Manifests',
  ads: 'ADS',
  events: 'Events',
  transcoding: 'Transcoding',
  prefetch: 'Prefetch',
};

export function PanelTabs() {
  const [panel, setPanel] = useState<PanelId>(() => initialPanel(PANELS) ?? 'verdict');
  const { sessionId } = useFocusedSession();

  useEffect(() => onBenchCommand('show-panel', (c) => setPanel(PANELS[c.panel - 1] ?? panel)), [panel]);
  useEffect(() => rememberPanel(panel), [panel]);

  const body: Record<PanelId, () => ReactNode> = {
    verdict: () => <VerdictPanel />,
    beacons: () => <BeaconLog />,
    latency: () => <LatencyPanel />,
    manifests: () => <ManifestInspector sessionId={sessionId} />,
    ads: () => <AdsInspector sessionId={sessionId} />,
    events: () => <EventLog />,
    transcoding: () => <TranscodePanel />,
    prefetch: () => <PrefetchPanel />,
  };

  return (
    <div className="panel-tabs">
      <div className="tab-strip" role="tablist" aria-label="Panels">
        {PANELS.map((id, i) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} data-testid={`tab-${id}`} aria-selected={panel === id} aria-controls="panel-body" onClick={() => setPanel(id)}>
            <span className="tab-key">{i + 1}</span> {TITLES[id]}
          </button>
        ))}
      </div>
      <div className="tab-body" id="panel-body" role="tabpanel" aria-labelledby={`tab-${panel}`}>
        {body[panel]()}
      </div>
    </div>
  );
}
