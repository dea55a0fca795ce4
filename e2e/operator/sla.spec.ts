import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { formatMoney } from "@/app/_components/money";
import { ledgerOf } from "../fixtures/billing";
import { en, signInAs, zh } from "../fixtures/session";
import { createSlaCustomer, creditOf, SLA_MONTH_FEE, type SlaCustomer } from "../fixtures/sla";

const t = zh.opsSla;
const s = zh.sla;
const SHOTS = "test-results/screenshots";

/** A message with its {arguments} filled in, numbers grouped as the page shows them. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)(?:, number)?\}/g, (_, name: string) => {
    const v = values[name];
    return typeof v === "number" ? v.toLocaleString("zh-CN") : String(v);
  });
}

const fieldError = (scope: Locator, label: string) =>
  scope.locator(".ant-form-item").filter({ has: scope.page().getByLabel(label, { exact: true }) }).locator(".ant-form-item-explain-error");

async function openCredits(page: Page) {
  await signInAs(page, demoAccount(null));
  await page.goto("/ops/sla?tab=credits");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await expect(page.getByRole("tab", { name: t.tabs.credits, selected: true })).toBeVisible();
}

const creditRow = (page: Page, customer: SlaCustomer) => page.getByRole("row").filter({ hasText: customer.tenantName });

async function customerPage(browser: Browser, customer: SlaCustomer, locale: "zh-CN" | "en") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, customer.account);
  // The language through the cookie, as the switch sets it, without saving it on the account.
  if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://127.0.0.1:3100" }]);
  await page.goto("/console/sla");
  return { context, page };
}

test("an operator reviews a proposed credit, is refused above the cap, approves it; the customer sees it on the SLA page", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const customer = await createSlaCustomer();
  const proposed = formatMoney(customer.proposedAmount);
  expect(proposed).toBe("¥50.00"); // 2 × 50 minutes of ¥21,600.00 a month
  const cap = formatMoney(SLA_MONTH_FEE);

  // The queue shows the proposal: the promise missed, the minutes, the amount and the cap.
  await openCredits(page);
  const row = creditRow(page, customer);
  await expect(row).toContainText(s.promises.availability);
  await expect(row).toContainText(proposed);
  await expect(row).toContainText(cap);
  await expect(row.getByRole("cell", { name: "50", exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ops-sla-credits.png`, fullPage: true });

  // The tenant's report opens from the queue, in the customer's own view: the breach and its outage.
  await row.getByRole("button", { name: customer.tenantName }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: s.breaches.title });
  await expect(drawer.getByLabel(s.promises.availability)).toContainText(s.verdict.breached);
  await expect(drawer.locator(".recharts-surface").first()).toBeVisible();
  await expect(drawer.getByText("connect ECONNREFUSED 127.0.0.1:2525").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ops-sla-report.png`, fullPage: true });
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  // Adjusting above the cap: the server refuses, under the amount field; nothing is decided.
  await row.getByRole("button", { name: t.credits.adjust }).click();
  const adjust = page.getByRole("dialog", { name: fill(t.credits.adjustTitle, { tenant: customer.tenantName }) });
  await expect(adjust).toContainText(cap);
  await adjust.getByLabel(t.credits.amount, { exact: true }).fill("30000");
  await adjust.getByLabel(t.credits.reason, { exact: true }).fill("E2E 超过上限的调整");
  await adjust.getByRole("button", { name: t.credits.submitAdjust }).click();
  await expect(fieldError(adjust, t.credits.amount)).toContainText(cap);
  await page.waitForTimeout(500); // the message fades in: let the screenshot show it
  await page.screenshot({ path: `${SHOTS}/ops-sla-adjust-refused.png`, fullPage: true });
  expect((await creditOf(customer.creditId))?.status).toBe("proposed");
  await adjust.getByRole("button", { name: t.credits.cancel }).click();
  await expect(adjust).toBeHidden();

  // Approve as proposed, after a confirmation naming the tenant and the amount.
  await row.getByRole("button", { name: t.credits.approve }).click();
  const confirm = page.getByRole("dialog").filter({ hasText: fill(t.credits.approveConfirm, { tenant: customer.tenantName, amount: proposed }) });
  await confirm.getByRole("button", { name: t.credits.approve }).click();
  await expect(page.getByText(fill(t.credits.approved, { tenant: customer.tenantName, amount: proposed }))).toBeVisible();
  await expect(creditRow(page, customer)).toHaveCount(0);
  expect(await creditOf(customer.creditId)).toMatchObject({ status: "approved", amount: customer.proposedAmount });
  expect(await ledgerOf(customer.tenantId)).toEqual([{ kind: "sla_credit", amount: customer.proposedAmount, reference: customer.creditId, billingMonth: customer.month }]);

  // It is among the approved ones, with the amount credited.
  await page.getByText(t.creditStatus.approved, { exact: true }).click();
  await expect(creditRow(page, customer)).toContainText(proposed);

  // The months tab lists the tenant with the approved credit.
  await page.getByRole("tab", { name: t.tabs.months }).click();
  await expect(page.getByRole("row").filter({ hasText: customer.tenantName })).toContainText(t.creditStatus.approved);
  await expect(page.locator(".ant-spin-blur")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/ops-sla-months.png`, fullPage: true });

  // The customer's SLA page: the month breached, the credit approved and credited to the balance.
  const zhCustomer = await customerPage(browser, customer, "zh-CN");
  const mine = zhCustomer.page;
  await expect(mine.getByRole("heading", { name: s.title })).toBeVisible();
  await expect(mine.getByLabel(s.promises.availability)).toContainText(s.verdict.breached);
  await expect(mine.getByLabel(s.promises.sendLatency)).toContainText(s.verdict.noEvidence);
  await expect(mine.getByText(fill(s.credit.approved, { amount: proposed }))).toBeVisible();
  await mine.getByLabel(s.promises.availability).getByText(s.steps.title).click();
  // The steps are stored in English and shown in the reader's language (server/sla/rules/step-text.ts).
  await expect(mine.getByLabel(s.promises.availability)).toContainText("故障分钟数：50");
  await expect(mine.getByLabel(s.promises.availability).getByText("违约：50 min > 44 min")).toBeVisible();
  await expect(mine.getByText(fill(s.breaches.samples, { total: 50, shown: 20 }))).toBeVisible();
  await mine.screenshot({ path: `${SHOTS}/console-sla-zh.png`, fullPage: true });
  await zhCustomer.context.close();

  const enCustomer = await customerPage(browser, customer, "en");
  await expect(enCustomer.page.getByRole("heading", { name: en.sla.title })).toBeVisible();
  await expect(enCustomer.page.getByText(fill(en.sla.credit.approved, { amount: proposed }))).toBeVisible();
  await enCustomer.page.getByLabel(en.sla.promises.availability).getByText(en.sla.steps.title).click();
  await expect(enCustomer.page.getByLabel(en.sla.promises.availability).getByText("breached: 50 min > 44 min")).toBeVisible();
  await enCustomer.page.screenshot({ path: `${SHOTS}/console-sla-en.png`, fullPage: true });
  await enCustomer.context.close();
});

test("a rejection needs a reason, and the customer then reads it", async ({ page, browser }) => {
  const customer = await createSlaCustomer();
  await openCredits(page);
  const row = creditRow(page, customer);
  await row.getByRole("button", { name: t.credits.reject }).click();
  const dialog = page.getByRole("dialog", { name: fill(t.credits.rejectTitle, { tenant: customer.tenantName }) });
  await dialog.getByRole("button", { name: t.credits.submitReject }).click();
  await expect(fieldError(dialog, t.credits.reason)).toHaveText(t.credits.reasonRequired);
  expect((await creditOf(customer.creditId))?.status).toBe("proposed");

  await dialog.getByLabel(t.credits.reason, { exact: true }).fill("E2E：客户自身 DNS 故障");
  await dialog.getByRole("button", { name: t.credits.submitReject }).click();
  await expect(dialog).toBeHidden();
  await expect(creditRow(page, customer)).toHaveCount(0);
  expect(await creditOf(customer.creditId)).toMatchObject({ status: "rejected", amount: null, reason: "E2E：客户自身 DNS 故障" });
  expect(await ledgerOf(customer.tenantId)).toEqual([]);

  const { context, page: mine } = await customerPage(browser, customer, "zh-CN");
  await expect(mine.getByText(s.credit.rejected, { exact: true })).toBeVisible();
  await expect(mine.getByText("E2E：客户自身 DNS 故障").first()).toBeVisible();
  await context.close();
});

test("operators see the demo month, worst first, and an English report; so does the demo customer", async ({ page, context, browser }) => {
  await signInAs(page, demoAccount(null));
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://127.0.0.1:3100" }]);
  await page.goto("/ops/sla");
  await expect(page.getByRole("heading", { name: en.opsSla.title })).toBeVisible();
  const demo = page.getByRole("row").filter({ hasText: "星河贸易有限公司" });
  await expect(demo).toContainText(en.sla.status.breached);
  await page.screenshot({ path: `${SHOTS}/ops-sla-months-en.png`, fullPage: true });
  await demo.getByRole("button", { name: "星河贸易有限公司" }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: en.sla.breaches.title });
  await expect(drawer.getByLabel(en.sla.promises.spamCaught)).toContainText(en.sla.verdict.met);
  await expect(drawer.getByLabel(en.sla.digest.title)).toHaveText(/^[0-9a-f]{64}$/);
  await page.screenshot({ path: `${SHOTS}/ops-sla-report-en.png`, fullPage: true });

  // The demo customer's own page: labelled samples met, the digest, the credit awaiting review.
  const other = await browser.newContext();
  const mine = await other.newPage();
  await signInAs(mine, demoAccount("resellerClient"));
  await other.addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://127.0.0.1:3100" }]);
  await mine.goto("/console/sla");
  await expect(mine.getByLabel(en.sla.promises.virusRemoved)).toContainText(en.sla.verdict.met);
  await expect(mine.getByText(en.sla.credit.proposed)).toBeVisible();
  await expect(mine.locator(".recharts-surface").first()).toBeVisible();
  await mine.screenshot({ path: `${SHOTS}/console-sla-demo-en.png`, fullPage: true });
  // The month under way is offered and says it is not closed yet.
  await mine.getByLabel(en.sla.month).click();
  await mine.locator(".ant-select-item-option").first().click();
  await expect(mine.getByText(/is not closed yet$/)).toBeVisible();
  await other.close();
});
