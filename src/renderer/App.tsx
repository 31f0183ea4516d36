// The shell: header, error banner, sidebar, and the main grid of players above panels.
import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { EventLog } from './components/EventLog';
import { Header } from './components/Header';
import { PlayersRow } from './components/PlayersRow';
import { Sidebar } from './components/Sidebar';
import { TranscodePanel } from './components/TranscodePanel';
import { startEventFeed } from './services/event-feed';
import { startHealthPolling } from './services/health-poller';

export function App() {
  // Connections to the engine live as long as the app; cleanup matters for StrictMode's double mount.
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
      <div className="layout">
        <Sidebar />
        <main className="workspace">
          <PlayersRow />
          <div className="panels">
            <EventLog />
            <TranscodePanel />
          </div>
        </main>
      </div>
    </div>
  );
}
