import { defineConfig, devices } from '@playwright/test';

// scripts/test.ts finds a Chromium (LOCKSTEP_CHROMIUM, /usr/bin/chromium, Playwright's own, or apt) and passes it here.
const executablePath = process.env.LOCKSTEP_CHROMIUM || undefined;

export default defineConfig({
  testDir: 'e2e',
  // One emulator serves every test and tests reset it; run them one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL: 'http://localhost:3000',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 860 } } }],
  webServer: {
    command: 'npx tsx scripts/start.ts --no-build --quiet',
    url: 'http://localhost:3000/',
    reuseExistingServer: false,
    timeout: 60_000,
    env: { LOCKSTEP_LRO_MS: '500' },
  },
});
