import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { query } from "../fixtures/db";
import { signInAs, zh } from "../fixtures/session";

const t = zh.domains.ops;

// A tenant of its own with one bound domain, written straight into the e2e database, so the
// operator's list has a row this test owns whatever the other specs add beside it.
async function tenantWithDomain() {
  const id = randomUUID().replace(/-/g, "").slice(0, 12);
  const tenantId = `e2eopsd${id}`;
  const tenantName = `E2E 域名企业 ${id.slice(0, 5)}`;
  const name = `ops-${id}.com`;
  await query("INSERT INTO Tenant (id, name, status, timeZone, updatedAt) VALUES (?, ?, 'active', 'Asia/Shanghai', NOW(3))", [tenantId, tenantName]);
  await query("INSERT INTO Domain (id, tenantId, name, unicodeName, ownershipToken, updatedAt) VALUES (?, ?, ?, ?, ?, NOW(3))", [
    `e2ed${id}`,
    tenantId,
    name,
    name,
    id.padEnd(32, "0"),
  ]);
  return { tenantName, name };
}

test("an operator finds a tenant's domain by name and sees its state", async ({ page }) => {
  const { tenantName, name } = await tenantWithDomain();
  await signInAs(page, demoAccount(null));
  await page.goto("/ops/domains");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await page.getByPlaceholder(t.searchPlaceholder).fill(name);
  await page.getByPlaceholder(t.searchPlaceholder).press("Enter");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText(tenantName);
  await expect(row).toContainText(zh.domains.states.unverified);
  await page.screenshot({ path: "test-results/screenshots/ops-domains.png", fullPage: true });
});
