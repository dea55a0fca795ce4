import { expect, test } from "@playwright/test";
import { query } from "../fixtures/db";
import { agePassword, freshAdmin, resetTokenFor } from "../fixtures/security-passwords";
import { submitSignIn, zh } from "../fixtures/session";

const OLD = "Harbour#2026";
const NEW = "Seashore#47x";

test("forgot password: ask for a link, set a new password with the rule ticked, sign in with it", async ({ page }) => {
  const admin = await freshAdmin(OLD);
  await page.goto("/signin");
  await page.getByTestId("forgot-password-link").click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel(zh.passwords.email).fill(admin.email);
  await page.getByRole("button", { name: zh.passwords.sendLink }).click();
  await expect(page.getByText(zh.passwords.sentTitle)).toBeVisible();
  const [row] = await query<{ n: number }>("SELECT COUNT(*) AS n FROM AccountToken t JOIN User u ON u.id = t.userId WHERE u.email = ? AND t.purpose = 'reset'", [admin.email]);
  expect(Number(row!.n)).toBe(1);

  // The e-mail cannot leave the e2e engine: a link made the same way stands in for it.
  const token = await resetTokenFor(admin.email);
  await page.goto(`/reset-password/${token}`);
  await expect(page.getByTestId("password-rule")).toContainText("8–16 位");
  const field = page.getByLabel(zh.passwords.newPassword, { exact: true });
  await field.fill("abc123");
  const checklist = page.getByTestId("password-checklist");
  await expect(checklist.locator('[data-rule="too_short"]')).toHaveAttribute("data-state", "broken");
  await expect(checklist.locator('[data-rule="digit_sequence"]')).toHaveAttribute("data-state", "broken");
  await field.fill(OLD);
  await expect(checklist.locator('[data-state="broken"]')).toHaveCount(0);

  // The rule passes in the browser, but the history is only known to the server.
  await page.getByLabel(zh.passwords.confirmPassword).fill(OLD);
  await page.getByRole("button", { name: zh.passwords.resetSubmit }).click();
  await expect(page.getByText("历史密码：不能与最近 5 次使用过的密码相同").first()).toBeVisible();

  await field.fill(NEW);
  await page.getByLabel(zh.passwords.confirmPassword).fill(NEW);
  await page.getByRole("button", { name: zh.passwords.resetSubmit }).click();
  await expect(page.getByText(zh.passwords.resetDoneTitle)).toBeVisible();

  await page.getByRole("button", { name: zh.passwords.backToSignIn }).click();
  await expect(page).toHaveURL(/\/signin/);
  await submitSignIn(page, admin.email, NEW);
  await expect(page).toHaveURL(/\/console$/);

  // Single use: the link says so the second time.
  await page.goto(`/reset-password/${token}`);
  await expect(page.getByTestId("reset-link-problem")).toContainText("已被使用");
});

test("an expired password: the sign-in leads to the forced change, then home", async ({ page }) => {
  const admin = await freshAdmin(OLD);
  await agePassword(admin.email);
  await page.goto("/signin");
  await submitSignIn(page, admin.email, OLD);
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByTestId("forced-change-reason")).toContainText("已过期");
  await page.getByLabel(zh.passwords.currentPassword).fill(OLD);
  await page.getByLabel(zh.passwords.newPassword, { exact: true }).fill(NEW);
  await page.getByLabel(zh.passwords.confirmPassword).fill(NEW);
  await page.getByRole("button", { name: zh.passwords.submit }).click();
  await expect(page).toHaveURL(/\/console$/);
});
