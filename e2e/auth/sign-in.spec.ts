import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_OPERATOR_TOTP_SECRET, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { query } from "../fixtures/db";
import { signInAs, submitSecondFactor, submitSignIn, zh } from "../fixtures/session";

test.describe("sign-in", () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.role} ${account.email} lands on ${account.home} and signs out`, async ({ page }) => {
      await signInAs(page, account);
      await expect(page.getByText(account.name, { exact: true })).toBeVisible();
      await expect(page.getByText(zh.roles[account.role], { exact: true })).toBeVisible();
      await page.getByRole("button", { name: zh.common.signOut }).click();
      await expect(page).toHaveURL(/\/signin/);
      await page.goto(account.home);
      await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    });
  }

  test("a wrong password and an unknown e-mail get the same message, and both are logged", async ({ page }) => {
    const email = "admin@qingsong.local";
    await page.goto("/signin");
    await submitSignIn(page, email, "not-the-password");
    const alert = page.getByRole("alert").filter({ hasText: zh.auth.badCredentials });
    await expect(alert).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);

    const stranger = `nobody-${Date.now()}@example.com`;
    await submitSignIn(page, stranger, DEMO_PASSWORD);
    await expect(alert).toBeVisible();

    const rows = await query<{ email: string; result: string; userId: string | null; userAgent: string | null }>(
      "SELECT email, result, userId, userAgent FROM LoginEvent WHERE email IN (?, ?) ORDER BY id DESC",
      [email, stranger],
    );
    expect(rows.find((r) => r.email === stranger)).toMatchObject({ result: "bad_credentials", userId: null });
    expect(rows.find((r) => r.email === email && r.result === "bad_credentials")?.userId).toBeTruthy();
    expect(rows[0]?.userAgent).toContain("Chrome");
  });

  test("the form checks its fields before sending", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: zh.auth.submit }).click();
    await expect(page.getByText(zh.auth.emailRequired)).toBeVisible();
    await expect(page.getByText(zh.auth.passwordRequired)).toBeVisible();
    await page.getByLabel(zh.auth.email).fill("not-an-address");
    await expect(page.getByText(zh.auth.emailInvalid)).toBeVisible();
  });

  test("a deep link survives sign-in", async ({ page }) => {
    const ops = DEMO_ACCOUNTS.find((a) => a.role === "operator")!;
    await page.goto("/ops/audit");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fops%2Faudit/);
    await submitSignIn(page, ops.email, ops.password);
    await submitSecondFactor(page, DEMO_OPERATOR_TOTP_SECRET);
    await expect(page).toHaveURL(/\/ops\/audit$/);
  });
});
