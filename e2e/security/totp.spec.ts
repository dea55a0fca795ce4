import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORGS } from "@/prisma/seed/demo-accounts";
import { createTenantAdmin } from "../fixtures/db";
import { signInAs, submitSignIn, zh } from "../fixtures/session";
import { authenticatorCode, createOperator } from "../fixtures/security-accounts";

const t = zh.accountSecurity;

/** Sets up the authenticator on the card in view; returns the key, the step used and the recovery codes. */
async function enrolOnPage(page: Page) {
  await page.getByRole("button", { name: t.totp.enable }).click();
  const manualKey = (await page.getByTestId("totp-manual-key").textContent())!.trim();
  expect(manualKey).toMatch(/^[A-Z2-7 ]{39}$/);
  const { code, step } = await authenticatorCode(manualKey);
  await page.getByLabel(t.totp.code).fill(code);
  await page.getByRole("button", { name: t.totp.confirm }).click();
  const codes = page.getByTestId("recovery-codes");
  await expect(codes).toBeVisible();
  const recoveryCodes = (await codes.locator("pre").textContent())!.trim().split("\n");
  expect(recoveryCodes).toHaveLength(10);
  for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
  return { manualKey, step, recoveryCodes };
}

test("a tenant admin enrols an authenticator, and sign-in then asks for its code", async ({ page }) => {
  test.setTimeout(120_000); // the second sign-in may wait for the authenticator's next 30-s step
  const admin = await createTenantAdmin(DEMO_ORGS.directTenant.name, "E2e#Totp2026");
  await signInAs(page, admin);
  await page.goto("/console/me/security");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  const card = page.getByTestId("totp-card");
  await expect(card.getByText(t.totp.off)).toBeVisible();

  const { manualKey, step } = await enrolOnPage(page);
  await page.getByRole("button", { name: t.totp.codesSaved }).click();
  await expect(card.getByText(t.totp.on)).toBeVisible();
  await expect(page.getByTestId("sessions-card").getByText(t.sessions.current)).toBeVisible();

  await page.getByRole("button", { name: zh.common.signOut }).click();
  await expect(page).toHaveURL(/\/signin/);
  await submitSignIn(page, admin.email, admin.password);
  // The password was right: the form asks for the second step.
  const codeField = page.getByLabel(zh.auth.code);
  await expect(codeField).toBeVisible();
  await codeField.fill("000000");
  await page.getByRole("button", { name: zh.auth.verify }).click();
  await expect(page.getByText(zh.auth.secondFactorFailed)).toBeVisible();
  // The enrolment's own code is spent; the app's next one signs in.
  await codeField.fill((await authenticatorCode(manualKey, step)).code);
  await page.getByRole("button", { name: zh.auth.verify }).click();
  await expect(page).toHaveURL(/\/console$/);
});

test("an operator without a second factor must enrol one before reaching the operator portal", async ({ page }) => {
  const operator = await createOperator("E2e#Totp2026");
  await page.goto("/signin");
  await submitSignIn(page, operator.email, operator.password);
  await expect(page).toHaveURL(/\/second-factor$/);
  // Any portal page leads back here until it is done.
  await page.goto("/ops/audit");
  await expect(page).toHaveURL(/\/second-factor$/);
  await expect(page.getByRole("heading", { name: t.secondFactor.title })).toBeVisible();

  await enrolOnPage(page);
  await page.getByRole("button", { name: t.secondFactor.continue }).click();
  await expect(page).toHaveURL(/\/ops$/);
  await page.goto("/ops/me/security");
  await expect(page.getByTestId("totp-card").getByText(t.totp.on)).toBeVisible();
  // Operators must keep it: no way to turn it off.
  await expect(page.getByRole("button", { name: t.totp.disable })).toHaveCount(0);
});
