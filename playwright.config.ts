import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/support/env.js';

const executablePath = chromiumPath();

export default defineConfig({
  testDir: './e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  globalSetup: './e2e/global-setup.ts',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', viewport: { width: 1600, height: 1000 } },
  projects: [
    {
      name: 'web',
      testDir: './e2e/web',
      use: {
        browserName: 'chromium',
        launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
      },
    },
    { name: 'electron', testDir: './e2e/electron' },
  ],
});
