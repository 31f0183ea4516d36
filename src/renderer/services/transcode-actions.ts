// What the transcoding panel's buttons do: call the engine, then refresh the snapshot. Failures go to the error
// banner, except the benign races of a live system (the job ended, or the entry left, before the click landed).
import { ApiError } from '../api/http';
import { cancelTranscodeJob, clearTranscodeCache, prewarmTranscodes, removeCachedAd } from '../api/transcode';
import { reportError, resolveError } from '../store/errors';
import { useTranscode } from '../store/transcode';
import { refreshTranscode } from './transcode-sync';

const ERROR_KEY = 'transcode';

export async function runPrewarm(configName: string, asset?: { path: string; name: string }): Promise<void> {
  const { setPrewarm } = useTranscode.getState();
  const target = { configName, ...(asset ? { assetName: asset.name } : {}) };
  setPrewarm({ state: 'running', ...target });
  try {
    const response = await prewarmTranscodes({ configName, ...(asset ? { asset: asset.path } : {}) });
    setPrewarm({ state: 'done', ...target, response });
  } catch (err) {
    setPrewarm({ state: 'failed', ...target, message: messageOf(err) });
  }
  void refreshTranscode();
}

export function cancelJob(jobId: string): Promise<void> {
  return act(() => cancelTranscodeJob(jobId), [404, 409]);
}

export function removeEntry(key: string): Promise<void> {
  return act(() => removeCachedAd(key), [404]);
}

export function clearCache(): Promise<void> {
  return act(() => clearTranscodeCache(), []);
}

async function act(call: () => Promise<void>, benign: number[]): Promise<void> {
  try {
    await call();
    resolveError(ERROR_KEY);
  } catch (err) {
    if (!(err instanceof ApiError && benign.includes(err.status))) reportError(ERROR_KEY, messageOf(err));
  }
  await refreshTranscode();
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
