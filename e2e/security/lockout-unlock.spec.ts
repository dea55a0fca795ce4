import { expect, test, type Page } from "@playwright/test";
import { query } from "../fixtures/db";
import { lockoutPair, lockoutThreshold, locksOf } from "../fixtures/security-lockout";
import { submitSignIn, zh } from "../fixtures/session";

const PASSWORD = "Lockout#2026e2e";
const sp = zh.securityPolicy;

/** Submits the form and waits for the gate's answer, so the next attempt is a new one. */
async function attempt(page: Page, email: string, password: string) {
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await submitSignIn(page, email, password);
  await answered;
}

test("an account locked after repeated failures is unlocked by its tenant's admin and signs in again", async ({ page, browser }) => {
  const { victim, admin } = await lockoutPair(PASSWORD);
  const threshold = await lockoutThreshold();

  // The victim signs in from an address of its own (the e2e server trusts one proxy hop), so its
  // failures count towards no other spec's per-address lockout.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${1 + Math.floor(Math.random() * 250)}` });

  // 1. The threshold's worth of wrong passwords: each gets the usual message, the last one locks.
  await page.goto("/signin");
  for (let i = 0; i < threshold; i++) {
    await attempt(page, victim.email, `wrong-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: zh.auth.badCredentials })).toBeVisible();
  }
  // 2. Now even the right password is refused, and the page says the account is locked.
  await attempt(page, victim.email, PASSWORD);
  const lockedText = zh.auth.lockedNoTime.split("。")[0]!;
  await expect(page.getByRole("alert").filter({ hasText: lockedText })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  expect((await locksOf(victim.email))[0]).toMatchObject({ unlockedAt: null });

  // 3. Another admin of the tenant opens Security settings → Locked accounts and unlocks it.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await adminPage.goto("/signin");
  await submitSignIn(adminPage, admin.email, admin.password);
  await expect(adminPage).toHaveURL(/\/console$/);
  await adminPage.goto("/console/security?tab=locks");
  const row = adminPage.getByTestId("locks").getByRole("row").filter({ hasText: victim.email });
  await expect(row).toBeVisible();
  await expect(row).toContainText(sp.locks.kinds.user);
  await row.getByRole("button", { name: sp.locks.unlock }).click();
  await adminPage.locator(".ant-popconfirm").getByRole("button", { name: sp.locks.unlock }).click();
  await expect(adminPage.getByText(sp.locks.unlocked)).toBeVisible();
  await expect(row).toHaveCount(0);
  const [lock] = await locksOf(victim.email);
  expect(lock?.unlockedAt).toBeTruthy();
  const [unlocker] = await query<{ id: string }>("SELECT id FROM User WHERE email = ?", [admin.email]);
  expect(lock?.unlockedById).toBe(unlocker?.id);
  await adminContext.close();

  // 4. The user signs in with the right password at once.
  await attempt(page, victim.email, PASSWORD);
  await expect(page).toHaveURL(/\/console$/);
});
