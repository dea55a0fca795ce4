import { expect, test, type Page } from "@playwright/test";
import { query } from "./fixtures/db";
import { en, zh } from "./fixtures/session";

// The public status page, signed out: every service with 90 daily bars, a platform incident (a
// customer-caused one hidden) and scheduled maintenance, in both languages. Past days' roll-ups
// are written here (the e2e database is new, so no other roll-up covers them); today's bar and
// the current states come from the e2e server's own probes, whatever they find. The bars checked
// are POP3's: the seed's SLA demo (prisma/seed/demo-sla.ts) adds last month's MX and network days.

const SERVICES = ["smtp_mx", "submission", "pop3", "http", "network", "e2e"] as const;
const DAY_MS = 86_400_000;
const uid = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
// As text: mysql2 would write a Date in the test runner's local zone; the columns hold UTC.
const dayStart = (daysAgo: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - daysAgo * DAY_MS).toISOString().slice(0, 10);
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

/** Failed minutes of a fully measured day, per days-ago; days 20–24 have no roll-up (no data). */
const FAILED: Record<number, number> = { 3: 60, 10: 5 };
const NO_DATA = new Set([20, 21, 22, 23, 24]);

/** Moves the pointer away and waits for antd's tooltips to finish closing, for a clean screenshot. */
async function closeTooltips(page: Page) {
  await page.mouse.move(0, 0);
  await expect(page.locator(".ant-tooltip:not(.ant-tooltip-hidden)")).toHaveCount(0);
}

async function seed() {
  const rows: unknown[][] = [];
  for (const probe of SERVICES) {
    for (let ago = 1; ago <= 89; ago++) {
      if (NO_DATA.has(ago)) continue;
      rows.push([probe, `e2e-status-${uid}`, "e2e", "day", dayStart(ago), 1440, FAILED[ago] ?? 0, FAILED[ago] ?? 0, 144_000, 250]);
    }
  }
  await query("INSERT INTO ProbeRollup (probe, target, location, grain, start, samples, failures, failedMinutes, latencySumMs, latencyMaxMs) VALUES ?", [rows]);
  const incident = (id: string, cause: string, summary: string) =>
    query("INSERT INTO Incident (id, kind, cause, summary, startsAt, updatedAt) VALUES (?, 'outage', ?, ?, NOW(3) - INTERVAL 1 HOUR, NOW(3))", [id, cause, summary]);
  await incident(`e2e-inc-${uid}`, "platform", `E2E delayed delivery ${uid}`);
  await incident(`e2e-cust-${uid}`, "customer", `E2E customer MX ${uid}`);
  await query(
    "INSERT INTO MaintenanceWindow (id, startsAt, endsAt, description, status, announcedAt, idempotencyKey) VALUES (?, NOW(3) + INTERVAL 2 DAY, NOW(3) + INTERVAL 2 DAY + INTERVAL 2 HOUR, ?, 'scheduled', NOW(3), ?)",
    [`e2e-mw-${uid}`, `E2E storage upgrade ${uid}`, `e2e-status-${uid}`],
  );
}

test("a signed-out visitor sees each service's state and 90 days of bars, the open incident and the maintenance, in both languages", async ({ page }) => {
  await seed();
  await page.goto("/status");
  await expect(page).toHaveURL(/\/status$/); // no sign-in asked
  await expect(page.getByRole("heading", { name: new RegExp(zh.statusPage.title) })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(new RegExp(Object.values(zh.statusPage.overall).join("|")));

  for (const service of SERVICES) {
    const row = page.getByRole("region", { name: zh.statusPage.service[service] });
    await expect(row.getByText(new RegExp(`^(${Object.values(zh.statusPage.state).join("|")})$`))).toBeVisible();
    await expect(row.getByRole("listitem")).toHaveCount(90);
  }
  const pop3 = page.getByRole("region", { name: zh.statusPage.service.pop3 }).getByRole("listitem");
  // Oldest first: the bar 3 days ago is index 86 (60 of 1,440 minutes failed: 95.83 %).
  await expect(pop3.nth(86)).toHaveAttribute("data-level", "major");
  await expect(pop3.nth(79)).toHaveAttribute("data-level", "minor"); // 10 days ago: 99.65 %
  await expect(pop3.nth(69)).toHaveAttribute("data-level", "none"); // 20 days ago: no roll-up
  await expect(pop3.nth(88)).toHaveAttribute("data-level", "good");
  await pop3.nth(86).hover();
  await expect(page.getByRole("tooltip")).toContainText("95.83 %");
  await pop3.nth(69).hover();
  await expect(page.getByRole("tooltip").filter({ hasText: "无数据" })).toBeVisible();

  await expect(page.getByText(`E2E delayed delivery ${uid}`)).toBeVisible();
  await expect(page.getByText(`E2E customer MX ${uid}`)).toHaveCount(0);
  await expect(page.getByText(`E2E storage upgrade ${uid}`)).toBeVisible();
  await closeTooltips(page);
  await page.screenshot({ path: "test-results/screenshots/status-zh.png", fullPage: true });

  await page.getByRole("button", { name: en.common.languageNames.en }).click();
  await expect(page.getByRole("heading", { name: new RegExp(en.statusPage.title) })).toBeVisible();
  for (const service of SERVICES) await expect(page.getByRole("region", { name: en.statusPage.service[service] })).toBeVisible();
  await expect(page.getByRole("list", { name: fill(en.statusPage.barsLabel, { service: en.statusPage.service.pop3, days: 90 }) })).toBeVisible();
  await expect(page.getByText(`E2E storage upgrade ${uid}`)).toBeVisible();
  await page.getByRole("region", { name: en.statusPage.service.pop3 }).getByRole("listitem").nth(69).hover();
  await expect(page.getByRole("tooltip").filter({ hasText: "no data" })).toBeVisible();
  await closeTooltips(page);
  await page.screenshot({ path: "test-results/screenshots/status-en.png", fullPage: true });
});
