import { expect, test, type Page } from "@playwright/test";
import { query } from "../fixtures/db";
import { zh } from "../fixtures/session";
import { createMailbox, createSelfServiceTenant } from "../fixtures/self-service";

const t = zh.selfService;
const a = zh.auth;

async function signInAsMailbox(page: Page, address: string, password: string) {
  await page.goto("/signin?as=mailbox");
  await expect(page.getByRole("tab", { name: a.asMailbox })).toHaveAttribute("aria-selected", "true");
  await page.getByLabel(a.address, { exact: true }).fill(address);
  await page.getByLabel(a.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: a.submit }).click();
}

test("a mailbox user signs in, must replace the initial password, then sees quota and aliases", async ({ page }) => {
  test.setTimeout(90_000);
  const tenant = await createSelfServiceTenant();
  const mailbox = await createMailbox(tenant, "wang.fang", "Initial#2026", ["sales", "fang"], 300 * 1024 * 1024);

  // A wrong password is refused with the same message as an unknown address.
  await signInAsMailbox(page, mailbox.address, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: a.badMailboxCredentials })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await page.screenshot({ path: "test-results/screenshots/mailbox-signin-refused.png", fullPage: true });

  await page.getByLabel(a.password, { exact: true }).fill(mailbox.password);
  await page.getByRole("button", { name: a.submit }).click();
  await expect(page).toHaveURL(/\/mailbox$/);
  await expect(page.getByRole("heading", { name: t.firstTitle })).toBeVisible();
  await expect(page.getByText(t.mustChangeTitle)).toBeVisible();
  await expect(page.getByText(`sales@${tenant.domain}`)).toHaveCount(0); // nothing else before the change
  await page.screenshot({ path: "test-results/screenshots/mailbox-must-change.png", fullPage: true });

  await page.getByLabel(t.currentPassword, { exact: true }).fill(mailbox.password);
  await page.getByLabel(t.newPassword, { exact: true }).fill("weakpass");
  await page.getByLabel(t.confirmPassword, { exact: true }).fill("weakpass");
  await page.getByRole("button", { name: t.submit }).click();
  await expect(page.getByText(t.tooWeak)).toBeVisible();
  // The server's own check: the current password must be right.
  await page.getByLabel(t.currentPassword, { exact: true }).fill("Wrong#2026");
  await page.getByLabel(t.newPassword, { exact: true }).fill("Harbour#2026");
  await page.getByLabel(t.confirmPassword, { exact: true }).fill("Harbour#2026");
  await page.getByRole("button", { name: t.submit }).click();
  await expect(page.getByText("当前密码不正确")).toBeVisible();
  await page.getByLabel(t.currentPassword, { exact: true }).fill(mailbox.password);
  await page.getByRole("button", { name: t.submit }).click();
  await expect(page.getByText(t.changed)).toBeVisible();

  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await expect(page.getByTestId("quota-text")).toHaveText(/已用 300 MB \/ 共 2\.0 GB（14\.6%）/);
  const aliases = page.getByRole("list", { name: t.aliasesCard });
  await expect(aliases.getByRole("listitem")).toHaveText([`fang@${tenant.domain}`, `sales@${tenant.domain}`]);
  const [row] = await query<{ mustChangePassword: number }>("SELECT mustChangePassword FROM Mailbox WHERE id = ?", [mailbox.id]);
  expect(row?.mustChangePassword).toBe(0);
  await page.screenshot({ path: "test-results/screenshots/mailbox-self-service.png", fullPage: true });

  // The console is not the mailbox user's; and the new password is the one that works now.
  await page.goto("/console");
  await expect(page.getByText(zh.errors.forbiddenTitle).first()).toBeVisible();
  await page.goto("/mailbox");
  await page.getByRole("button", { name: zh.common.signOut }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInAsMailbox(page, mailbox.address, "Harbour#2026");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
});

test("a disabled mailbox cannot sign in, and a signed-in one is signed out when disabled", async ({ page }) => {
  const tenant = await createSelfServiceTenant();
  const mailbox = await createMailbox(tenant, "li.wei", "Initial#2026");
  await signInAsMailbox(page, mailbox.address, mailbox.password);
  await expect(page.getByRole("heading", { name: t.firstTitle })).toBeVisible();
  await query("UPDATE Mailbox SET status = 'disabled' WHERE id = ?", [mailbox.id]);
  await page.reload();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmailbox/);
  await expect(page.getByRole("tab", { name: a.asMailbox })).toHaveAttribute("aria-selected", "true");
  await page.getByLabel(a.address, { exact: true }).fill(mailbox.address);
  await page.getByLabel(a.password, { exact: true }).fill(mailbox.password);
  await page.getByRole("button", { name: a.submit }).click();
  await expect(page.getByRole("alert").filter({ hasText: a.badMailboxCredentials })).toBeVisible();
});
