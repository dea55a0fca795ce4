import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoAccount, DEMO_ORGS } from "@/prisma/seed/demo-accounts";
import { query } from "../fixtures/db";
import { signInAs, submitSignIn, zh } from "../fixtures/session";
import { addDomainAndOpen, publishUntilGreen, uniqueDomain } from "../fixtures/domains";
import { invitationTokenFor } from "../fixtures/resellers";
import { onHome, scheduleForTenant, secondsFromNow } from "../fixtures/announcements";

// The whole journey: a reseller creates a client, orders 20 seats for it on its own
// account, binds and verifies its domain in the DNS sandbox; the client's admin accepts the
// invitation, signs in, and sees the reseller's card and a platform announcement that appears at
// its publish time and is gone after its take-down.

const t = zh.resellerClients;
const SHOTS = "test-results/screenshots";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("a reseller's client, from creation to its admin's first home", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const company = `旅程客户 ${stamp}`;
  const adminEmail = `journey-${stamp}@e2e-client.local`;

  // The reseller creates the client; its admin is invited.
  await signInAs(page, demoAccount("reseller"));
  await page.getByRole("button", { name: t.filters.newClient }).click();
  const modal = page.getByRole("dialog", { name: t.create.title });
  await modal.getByLabel(t.create.companyName).fill(company);
  await modal.getByLabel(t.create.adminName).fill("李雷");
  await modal.getByLabel(t.create.adminEmail).fill(adminEmail);
  await modal.getByRole("button", { name: t.create.submit }).click();
  await expect(modal).toBeHidden();
  const [client] = await query<{ id: string }>("SELECT id FROM Tenant WHERE name = ?", [company]);
  expect(client).toBeTruthy();

  // The admin accepts the invitation (a link like the one its e-mail carries) and signs in.
  const admin = await newPage(browser);
  await admin.goto(`/invite/${await invitationTokenFor(adminEmail)}`);
  await admin.getByLabel(zh.invite.password, { exact: true }).fill("Journey#2026x");
  await admin.getByLabel(zh.invite.confirm, { exact: true }).fill("Journey#2026x");
  await admin.getByRole("button", { name: zh.invite.submit }).click();
  await expect(admin.getByText(zh.invite.doneTitle)).toBeVisible();
  await admin.goto("/signin");
  await submitSignIn(admin, adminEmail, "Journey#2026x");
  await expect(admin).toHaveURL(/\/console$/);
  // Area 4: the reseller's card as the reseller maintains it.
  const card = admin.getByTestId("contact-card");
  await expect(card).toContainText(zh.home.console.resellerCard);
  await expect(card).toContainText(DEMO_ORGS.reseller.name);
  await expect(card).toContainText("+86 10 6552 0188");

  // The reseller orders 20 seats for the client, paid from its reseller account.
  await page.getByRole("link", { name: company }).click();
  await expect(page).toHaveURL(new RegExp(`/reseller/clients/${client!.id}$`));
  await page.getByRole("menuitem", { name: zh.actingClient.sections.billing }).click();
  const order = page.getByRole("form", { name: zh.billing.order.title });
  await order.getByRole("radio", { name: "标准版 Standard" }).check();
  await order.getByLabel(zh.billing.seats.label, { exact: true }).fill("20");
  await expect(order.getByRole("radio", { name: zh.resellerAccount.quote.payFromAccount })).toBeChecked();
  await order.getByRole("button", { name: zh.billing.order.submit }).click();
  await expect
    .poll(async () => query<{ status: string; seats: number }>("SELECT status, seats FROM Subscription WHERE tenantId = ?", [client!.id]))
    .toEqual([{ status: "active", seats: 20 }]);
  const [settled] = await query<{ method: string; entries: number }>(
    "SELECT o.method, (SELECT COUNT(*) FROM ResellerLedgerEntry e WHERE e.orderId = o.id AND e.kind = 'wholesale_charge') AS entries FROM `Order` o WHERE o.tenantId = ?",
    [client!.id],
  );
  expect(settled).toEqual({ method: "reseller_account", entries: 1 });
  await page.screenshot({ path: `${SHOTS}/reseller-client-ordered.png`, fullPage: true });

  // …and binds and verifies its domain in the sandbox, in the same wizard the client has.
  await page.getByRole("menuitem", { name: zh.actingClient.sections.domains }).click();
  const domain = uniqueDomain("journey");
  await addDomainAndOpen(page, domain);
  await expect(page).toHaveURL(new RegExp(`/reseller/clients/${client!.id}/domains/`));
  await publishUntilGreen(page);
  await page.screenshot({ path: `${SHOTS}/reseller-client-domain.png`, fullPage: true });

  // An operator schedules a platform announcement for it, due in a minute and up for 30 s (filling the form takes part of it).
  const ops = await newPage(browser);
  await signInAs(ops, demoAccount(null));
  const title = `E2E 平台公告 ${stamp}`;
  const publishAt = secondsFromNow(60_000);
  const takeDownAt = new Date(publishAt.getTime() + 30_000);
  await scheduleForTenant(ops, { title, body: "本周六凌晨系统维护。", tenantName: company, publishAt, takeDownAt });
  await ops.context().close();

  // The admin's home: not before its publish time, shown from it, gone after its take-down.
  expect(await onHome(admin, title)).toBe(0);
  expect(Date.now()).toBeLessThan(publishAt.getTime());
  await expect.poll(() => onHome(admin, title), { timeout: 90_000, intervals: [3_000] }).toBe(1);
  await admin.screenshot({ path: `${SHOTS}/client-home-announcement.png`, fullPage: true });
  await expect.poll(() => onHome(admin, title), { timeout: 90_000, intervals: [3_000] }).toBe(0);
});
