import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium: browsers cannot be downloaded on these machines.
const chromium = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

// The mail engine's submission port of the e2e server (scripts/e2e-server.sh sets the same), for
// specs that send mail as a client would (e2e/customer/mail-log.spec.ts).
process.env.E2E_SUBMISSION_PORT ??= "2588";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000, // generous: CI shares 2 cores between Chromium, the portal and the workers
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/playwright",
  use: {
    baseURL: "http://127.0.0.1:3100",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // Recording a trace for every test costs a core on a 2-core machine; record retries only.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromium } }],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: "http://127.0.0.1:3100/api/health",
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
