// The shell: header, error banner, sidebar, and the main grid of players above panels.
import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { AdTimeline } from './components/AdTimeline';
import { Header } from './components/Header';
import { PlayersRow } from './components/PlayersRow';
import { Sidebar } from './components/Sidebar';
import { PanelTabs } from './components/PanelTabs';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { startEventFeed } from './services/event-feed';
import { onBenchCommand } from './lib/bench-commands';
import { exportFocusedSession } from './services/session-export';
import { startHealthPolling } from './services/health-poller';

export function App() {
  // Connections to the engine live as long as the app; cleanup matters for StrictMode's double mount.
  useEffect(() => onBenchCommand('export', exportFocusedSession), []);

  useEffect(() => {
    const stopPolling = startHealthPolling();
    const stopFeed = startEventFeed();
    return () => {
      stopPolling();
      stopFeed();
    };
  }, []);

  return (
    <div className="app">
      <Header />
      <ErrorBanner />
      <ShortcutsHelp />
      <div className="layout">
        <Sidebar />
        <main className="workspace">
          <PlayersRow />
          <AdTimeline />
          <PanelTabs />
        </main>
      </div>
    </div>
  );
}
