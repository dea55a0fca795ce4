import { expect, test } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { query } from "../fixtures/db";
import { signInAs, zh } from "../fixtures/session";

const t = zh.backups;

test("an operator backs up now, follows the run to success and finds the restore command", async ({ page }) => {
  await signInAs(page, demoAccount(null));
  await page.getByRole("menuitem", { name: zh.nav.backups }).click();
  await expect(page).toHaveURL(/\/ops\/backups$/);
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await expect(page.getByText(t.restore.title, { exact: true })).toBeVisible();
  await expect(page.getByText(/npm run restore -- .*mailstead-config-<time>\.msbk/)).toBeVisible();

  const before = await query<{ n: number }>("SELECT COUNT(*) AS n FROM BackupRun WHERE status = 'succeeded'");
  await page.getByRole("button", { name: t.backUpNow }).click();
  await expect(page.getByText(t.started)).toBeVisible();

  // The workers write the file; the list polls while the run is running, then shows it succeeded.
  const row = page.getByRole("row").filter({ hasText: t.kind.manual }).first();
  await expect(row).toContainText(t.status.succeeded, { timeout: 60_000 });
  await expect(row).toContainText(/mailstead-config-\d{8}T\d{6}Z\.msbk/);
  const [run] = await query<{ id: string; fileName: string; sha256: string; rowCount: number }>(
    "SELECT id, fileName, sha256, rowCount FROM BackupRun WHERE kind = 'manual' AND status = 'succeeded' ORDER BY startedAt DESC LIMIT 1",
  );
  expect(run!.rowCount).toBeGreaterThan(0);
  await expect(row).toContainText(run!.sha256.slice(0, 12));
  const after = await query<{ n: number }>("SELECT COUNT(*) AS n FROM BackupRun WHERE status = 'succeeded'");
  expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
  const audit = await query("SELECT id FROM AuditEvent WHERE action = 'backup.start' AND targetId = ?", [run!.id]);
  expect(audit).toHaveLength(1);
  await page.screenshot({ path: "test-results/screenshots/ops-backups.png", fullPage: true });
});

test("the backups page works at phone width (the table scrolls)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, demoAccount(null));
  await page.goto("/ops/backups");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await expect(page.getByRole("button", { name: t.backUpNow })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
