import { defineConfig } from '@playwright/test';

// Debian's chromium, not a browser Playwright downloads (these machines reach no host to download one from).
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 240_000,
  expect: { timeout: 20_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: process.env.CHROMIUM || '/usr/bin/chromium' },
  },
});
