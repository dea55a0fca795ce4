import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { signInAs, zh } from "../fixtures/session";

const t = zh.audit;

test("an operator exports the operation log to CSV with progress, and only they can download it", async ({ page, browser }) => {
  await signInAs(page, demoAccount(null));
  await page.goto("/ops/audit");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await expect(page.locator(".ant-table-tbody tr.ant-table-row").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/ops-audit.png", fullPage: true });
  await page.getByRole("button", { name: t.export.button }).click();
  const status = page.getByRole("status");
  await expect(status.locator(".ant-progress")).toBeVisible();
  const download = page.getByRole("link", { name: t.export.download });
  await expect(download).toBeVisible({ timeout: 20_000 });

  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^operation-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await file.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff); // BOM, so Excel reads the Chinese correctly
  expect(csv).toContain("audit.export"); // the export request is itself logged
  const href = await download.getAttribute("href");

  // Someone else, signed in, cannot fetch the same file; nobody signed out can either.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage, demoAccount("directTenant"));
  expect((await otherPage.request.get(href!)).status()).toBe(404);
  await other.close();
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`http://127.0.0.1:3100${href}`)).status()).toBe(401);
  await anonymous.close();
});

test("a tenant admin sees only their tenant's part of the log", async ({ page }) => {
  await signInAs(page, demoAccount("directTenant"));
  await page.goto("/console/audit");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await expect(page.getByText(t.subtitleTenant)).toBeVisible();
  // The tenant filter is an operator's tool only.
  await expect(page.getByLabel(t.filters.tenant)).toHaveCount(0);
});
