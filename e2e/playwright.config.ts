import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const PORT = 8181;
const root = fileURLToPath(new URL('..', import.meta.url));

/** Chromium flags for this machine's closed network (no background calls home) and headless runs as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  // One server with shared demo data, two cores: one worker.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    // The app honours reduced motion (styles.scss): no colour caught mid-transition by axe's contrast check.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /bluetooth-.*\.spec\.ts/ },
    {
      // Web Bluetooth through Chromium's Bluetooth emulation (emulated peripherals, real Web Bluetooth code):
      // the experimental flag gives navigator.bluetooth and getDevices() in headless Chromium.
      name: 'chromium-bluetooth',
      testMatch: /bluetooth-.*\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
          args: [...CHROMIUM_ARGS, '--enable-experimental-web-platform-features'],
        },
      },
    },
  ],
  webServer: {
    // The built app (npm test builds it first) on a fresh data folder, demo data seeded.
    command: 'rm -rf test-results/e2e-data && node dist/sync-server/main.mjs',
    cwd: root,
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: 'test-results/e2e-data', LOG_LEVEL: 'warn' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
