import { expect, test } from "@playwright/test";
import { DEMO_ORGS } from "@/prisma/seed/demo-accounts";
import { createTenantAdmin } from "../fixtures/db";
import { en, signInAs, zh } from "../fixtures/session";

test("the language switch works, is remembered, and follows the account", async ({ page, browser }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: zh.auth.title })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(zh.meta.signin));

  await page.getByRole("button", { name: en.common.languageNames.en }).click();
  await expect(page.getByRole("heading", { name: en.auth.title })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { name: en.auth.title })).toBeVisible();

  // Back to Chinese, then choose English while signed in: the account remembers it.
  await page.getByRole("button", { name: zh.common.languageNames["zh-CN"] }).click();
  await expect(page.getByRole("heading", { name: zh.auth.title })).toBeVisible();
  // Its own account: the saved language must not leak into tests using the demo accounts.
  const admin = await createTenantAdmin(DEMO_ORGS.directTenant.name, "E2e#Lang2026");
  await signInAs(page, admin);
  await page.getByRole("button", { name: en.common.languageNames.en }).click();
  await expect(page.getByRole("button", { name: en.common.signOut })).toBeVisible();

  // A new browser with no cookie adopts the account's language after sign-in.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await signInAs(fresh, admin);
  await expect(fresh.getByRole("button", { name: en.common.signOut })).toBeVisible();
  await other.close();
});
