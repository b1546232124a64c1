// End-to-end tests: real headless Chromium (Debian's, never a downloaded one)
// against the built dist/, served the way scripts/serve serves it.
import { defineConfig } from '@playwright/test';
import { PORT } from './tests/e2e/port.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic'];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 2,
  fullyParallel: true,
  reporter: [['list']],
  globalSetup: './tests/e2e/speech-setup.mjs',
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 1,
    hasTouch: true,
    isMobile: true,
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [
    // Heard, not just emitted: real voices through speech-dispatcher (speech-setup.mjs).
    // First, because it runs at real speed for about three minutes beside everything else.
    {
      name: 'real-speech',
      testMatch: /real-speech/,
      use: { launchOptions: { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-speech-dispatcher'] } },
    },
    { name: 'app', testIgnore: /real-speech/ },
  ],
  webServer: {
    command: `node scripts/static-server.mjs dist ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
