import { startServer } from './support/server.js';

export default async function globalSetup(): Promise<() => void> {
  const { url, stop } = await startServer();
  process.env.STITCHBENCH_E2E_URL = url;
  return stop;
}
