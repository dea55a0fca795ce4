import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demoAccount, DEMO_ORGS } from "@/prisma/seed/demo-accounts";
import { query } from "../fixtures/db";
import { signInAs, zh } from "../fixtures/session";

const t = zh.resellerClients;

test("a reseller creates a client, finds it on the dashboard, filters and exports the CSV", async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = `${Date.now()}`;
  const company = `E2E 测试客户 ${stamp}`;
  const adminEmail = `admin-${stamp}@e2e-client.local`;

  await signInAs(page, demoAccount("reseller"));
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  const table = page.locator(".ant-table").first();
  // The seeded client of the demo reseller is on the dashboard.
  await expect(table.getByRole("link", { name: DEMO_ORGS.resellerClient.name })).toBeVisible();

  // New client: the modal form, then the invitation (sent, or to be resent if the mail server refused).
  await page.getByRole("button", { name: t.filters.newClient }).click();
  const modal = page.getByRole("dialog", { name: t.create.title });
  await modal.getByLabel(t.create.companyName).fill(company);
  await modal.getByLabel(t.create.adminName).fill("韩梅梅");
  await modal.getByLabel(t.create.adminEmail).fill(adminEmail);
  await modal.getByRole("button", { name: t.create.submit }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByText(company, { exact: false }).first()).toBeVisible();
  const [row] = await query<{ id: string; status: string; role: string }>(
    "SELECT t.id, u.status, u.role FROM Tenant t JOIN User u ON u.tenantId = t.id WHERE t.name = ? AND u.email = ?",
    [company, adminEmail],
  );
  expect(row).toMatchObject({ status: "invited", role: "tenant_admin" });

  // The new client is on the dashboard with its pending invitation, linked to its page.
  const link = table.getByRole("link", { name: company });
  await expect(link).toHaveAttribute("href", `/reseller/clients/${row!.id}`);
  const newRow = table.getByRole("row").filter({ hasText: company });
  await expect(newRow).toContainText(adminEmail);
  await expect(newRow).toContainText(t.admin.invited);

  // Search narrows the table to it.
  await page.getByRole("searchbox", { name: t.filters.search }).fill(stamp);
  await page.getByRole("searchbox", { name: t.filters.search }).press("Enter");
  await expect(table.getByRole("link", { name: DEMO_ORGS.resellerClient.name })).toHaveCount(0);
  await expect(link).toBeVisible();

  // The CSV holds what the table shows: Excel's BOM, the Chinese header, the one client.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.filters.export }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^客户名称,所属经销商,状态,套餐,席位,余额\(元\),预付至/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(company);
  expect(lines[1]).toContain(adminEmail);
  expect(lines[1]).toContain(DEMO_ORGS.reseller.name);

  // "Only clients needing attention" with the search: the new client has no problems yet.
  await page.getByRole("checkbox", { name: t.filters.hasProblems }).check();
  await expect(link).toHaveCount(0);
});
