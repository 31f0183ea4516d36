// Connects the engine's SSE stream to the stores: every event goes to the log; a few also
// update engine state directly (build progress, configuration changes, sessions' avail decisions, transcode jobs).
import type { BenchEvent } from '../../shared/events';
import { openEventStream, type StreamStatus } from '../api/event-stream';
import { isTerminal } from '../lib/transcode-jobs';
import { useAvails } from '../store/avails';
import { useEngine } from '../store/engine';
import { ingestEvent, useEvents } from '../store/events';
import { ingestTranscodeEvent } from '../store/transcode';
import { ingestLatencyEvent } from '../store/latency';
import { loadCatalog, loadConfigurations } from './catalog-loader';
import { requestHealthPoll } from './health-poller';
import { requestTranscodeRefresh } from './transcode-sync';

export function startEventFeed(): () => void {
  let lastStatus: StreamStatus | undefined;
  return openEventStream({
    replay: 200,
    onEvent: (event) => {
      applySideEffects(event);
      ingestLatencyEvent(event);
      ingestEvent(event);
    },
    onStatus: (status) => {
      useEvents.getState().setStream(status);
      // A dropped or regained stream is the first sign the engine went away or came back: check
      // health now instead of up to 10 s later.
      if (status === 'reconnecting' || status === 'closed' || (status === 'open' && lastStatus !== undefined && lastStatus !== 'connecting')) {
        requestHealthPoll();
      }
      lastStatus = status;
    },
  });
}

function applySideEffects(event: BenchEvent): void {
  switch (event.kind) {
    case 'demo.progress': {
      const previous = useEngine.getState().demo?.state;
      const wasReady = previous === 'ready';
      useEngine.getState().applyDemoProgress(event);
      // The build ended: refresh the status pill now rather than at the next 2 s tick.
      if (event.state !== 'building' && event.state !== previous) requestHealthPoll();
      if (event.state === 'ready' && (!wasReady || !useEngine.getState().catalog)) {
        void loadCatalog();
        void loadConfigurations();
      }
      break;
    }
    case 'config.changed':
      void loadConfigurations();
      break;
    case 'avail':
      useAvails.getState().add(event);
      break;
    case 'transcode.job':
      ingestTranscodeEvent(event);
      // A job that ended changed the cache, which events do not describe: re-read it.
      if (isTerminal(event.state)) requestTranscodeRefresh();
      break;
    default:
      break;
  }
}
