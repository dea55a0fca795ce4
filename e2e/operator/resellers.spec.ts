import { expect, test, type Locator } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { signInAs, submitSignIn, zh } from "../fixtures/session";
import { invitationTokenFor, PNG_FILE } from "../fixtures/resellers";

const t = zh.resellersOps;
const inv = zh.invite;
const input = (scope: Locator, label: string) => scope.getByLabel(label, { exact: true });

test("an operator opens a reseller with a logo and staff, edits its card, and the invited staff member signs in", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const name = `E2E 经销商 ${stamp}`;
  const staffEmail = `staff-${stamp}@e2e-reseller.test`;

  await signInAs(page, demoAccount(null));
  await page.goto("/ops/resellers");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await page.getByRole("button", { name: t.new }).click();
  const drawer = page.locator(".ant-drawer-open");
  await input(drawer, t.fields.name).fill(name);
  await input(drawer, t.card.contactName).fill("周经理");
  await input(drawer, t.card.contactPhone).fill("400-800-1111");
  await input(drawer, t.card.contactEmail).fill(`sales-${stamp}@e2e-reseller.test`);
  await drawer.locator('input[type="file"]').setInputFiles(PNG_FILE);
  await expect(drawer.getByTestId("logo-preview")).toBeVisible();
  await input(drawer, t.card.serviceHours).fill("工作日 9:00–18:00");
  await input(drawer, t.fields.discount).fill("15");
  await input(drawer, t.fields.creditLimit).fill("50000");
  await input(drawer, t.staff.name).fill("E2E 员工");
  await input(drawer, t.staff.email).fill(staffEmail);
  await drawer.getByRole("button", { name: t.create }).click();

  // The reseller's page: its header card, then the profile tab to edit the card.
  await expect(page).toHaveURL(/\/ops\/resellers\/[\w-]+$/);
  await expect(page.getByTestId("reseller-name")).toHaveText(name);
  await expect(page.getByTestId("reseller-phone")).toHaveText("400-800-1111");
  await input(page.locator("form"), t.card.contactPhone).fill("400-800-2222");
  await expect(page.getByTestId("reseller-card-preview")).toContainText("400-800-2222"); // live preview
  await page.getByRole("button", { name: t.save }).click();
  await expect(page.getByTestId("reseller-phone")).toHaveText("400-800-2222");

  await page.getByRole("tab", { name: t.tabs.staff }).click();
  await expect(page).toHaveURL(/\?tab=staff$/);
  await expect(page.getByRole("row").filter({ hasText: staffEmail })).toContainText(t.staff.statuses.invited);

  // The invitee, signed out, opens the link, chooses a password and signs in to the reseller portal.
  const token = await invitationTokenFor(staffEmail);
  const invitee = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const p = await invitee.newPage();
  await p.goto(`/invite/${token}`);
  await expect(p.getByTestId("invite-organisation")).toHaveText(name);
  await expect(p.getByTestId("invite-email")).toHaveText(staffEmail);
  await input(p.locator("form"), inv.password).fill("short");
  await input(p.locator("form"), inv.confirm).fill("short");
  await p.getByRole("button", { name: inv.submit }).click();
  await expect(p.locator(".ant-form-item-explain-error").first()).toBeVisible();
  await input(p.locator("form"), inv.password).fill("Harbour#2026");
  await input(p.locator("form"), inv.confirm).fill("Harbour#2026");
  await p.getByRole("button", { name: inv.submit }).click();
  await expect(p.getByText(inv.doneTitle)).toBeVisible();
  await p.getByRole("link", { name: inv.goSignIn }).click();
  await expect(p).toHaveURL(/\/signin/);
  await submitSignIn(p, staffEmail, "Harbour#2026");
  await expect(p).toHaveURL(/\/reseller$/);

  // The link worked once.
  await p.goto(`/invite/${token}`);
  await expect(p.getByText(inv.notValidTitle)).toBeVisible();
  await invitee.close();
});
