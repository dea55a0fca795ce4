import { randomInt } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { query } from "../fixtures/db";
import { signInAs, zh } from "../fixtures/session";

const t = zh.opsBilling;

// Each test gets its own tenant with an unpaid order, written straight into the e2e database:
// the demo tenants stay as they are for the other tests running beside this one.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const code = (n: number) => Array.from({ length: n }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join("");
const uid = (prefix: string) => `${prefix}${Date.now().toString(36)}${code(6).toLowerCase()}`;

type PendingOrder = { tenantId: string; tenantName: string; reference: string; amountFen: number };

/** A new tenant that ordered 10 seats of the 263 plan for a year (¥2,000.00) by bank transfer, not yet paid. */
async function tenantWithPendingOrder(): Promise<PendingOrder> {
  const [plan] = await query<{ id: string; pricePerSeatYear: number }>("SELECT id, pricePerSeatYear FROM Plan WHERE code = 'std-263'");
  if (!plan) throw new Error("the seeded std-263 plan is missing");
  const seats = 10;
  const amountFen = seats * plan.pricePerSeatYear;
  const tenantId = uid("e2et");
  const subscriptionId = uid("e2es");
  const tenantName = `E2E 账单 ${code(5)}`;
  const reference = `MS-${code(4)}-${code(4)}`;
  await query("INSERT INTO Tenant (id, name, status, timeZone, updatedAt) VALUES (?, ?, 'active', 'Asia/Shanghai', NOW(3))", [tenantId, tenantName]);
  await query(
    "INSERT INTO Subscription (id, tenantId, planId, seats, pricePerSeatYear, currency, status, startRule, updatedAt) VALUES (?, ?, ?, ?, ?, 'CNY', 'pending', 'on_payment', NOW(3))",
    [subscriptionId, tenantId, plan.id, seats, plan.pricePerSeatYear],
  );
  await query(
    `INSERT INTO \`Order\` (id, tenantId, subscriptionId, kind, planId, seats, termYears, pricePerSeatYear, amount, currency, reference, method, status, idempotencyKey)
     VALUES (?, ?, ?, 'subscription', ?, ?, 1, ?, ?, 'CNY', ?, 'bank_transfer', 'pending', ?)`,
    [uid("e2eo"), tenantId, subscriptionId, plan.id, seats, plan.pricePerSeatYear, amountFen, reference, uid("e2e-key-")],
  );
  return { tenantId, tenantName, reference, amountFen };
}

/**
 * The form item (label, input and its messages) holding the control labelled `label`. The inner
 * locator of `has` is matched inside each form item, so it must start from the page, not `scope`.
 */
const field = (scope: Page | Locator, label: string) => {
  const page = "page" in scope ? scope.page() : scope;
  return scope.locator(".ant-form-item").filter({ has: page.getByLabel(label, { exact: true }) });
};
const fieldError = (scope: Page | Locator, label: string) => field(scope, label).locator(".ant-form-item-explain-error");

async function openTab(page: Page, tab: keyof typeof t.tabs) {
  await page.getByRole("tab", { name: t.tabs[tab] }).click();
  await expect(page.getByRole("tab", { name: t.tabs[tab], selected: true })).toBeVisible();
}

async function openBilling(page: Page) {
  await signInAs(page, demoAccount(null));
  await page.goto("/ops/billing");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
}

test("an operator confirms a bank transfer: unknown reference and short amount are refused next to their fields", async ({ page }) => {
  const order = await tenantWithPendingOrder();
  await openBilling(page);
  await expect(page.locator(".ant-skeleton")).toHaveCount(0);
  await expect(page.locator(".recharts-surface, .ant-empty").first()).toBeVisible();
  await page.screenshot({ path: "/tmp/ops-billing-overview.png", fullPage: true });
  await openTab(page, "transfers");

  const reference = page.getByLabel(t.transfers.reference, { exact: true });
  const amount = page.getByLabel(t.transfers.amount, { exact: true });
  const confirm = page.getByRole("button", { name: t.transfers.confirm });

  // An unknown reference: the server's message under the reference field.
  await reference.fill("MS-0000-0000");
  await amount.fill("100");
  await confirm.click();
  await expect(fieldError(page, t.transfers.reference)).toContainText("MS-0000-0000");

  // Clicking the order copies its reference and amount into the form.
  await page.getByLabel(t.transfers.search).fill(order.tenantName);
  await page.getByLabel(t.transfers.search).press("Enter");
  const row = page.getByRole("row").filter({ hasText: order.reference });
  await expect(row).toContainText("¥2,000.00");
  await row.click();
  await expect(reference).toHaveValue(order.reference);
  await expect(amount).toHaveValue("2000.00");

  // Less than the order: refused under the amount field, nothing paid.
  await amount.fill("1999.99");
  await confirm.click();
  await expect(fieldError(page, t.transfers.amount)).toContainText(order.reference);
  await expect(fieldError(page, t.transfers.reference)).toHaveCount(0);
  await page.screenshot({ path: "/tmp/ops-billing-transfers-error.png", fullPage: true });
  expect(await orderStatus(order.reference)).toBe("pending");

  // The right amount confirms it, and the order leaves the pending list.
  await amount.fill("2000");
  await confirm.click();
  await expect(page.locator(".ant-alert-success").filter({ hasText: order.reference })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: order.reference })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/ops-billing-transfers.png", fullPage: true });
  expect(await orderStatus(order.reference)).toBe("paid");
  const payments = await query<{ amount: number }>("SELECT CAST(amount AS SIGNED) AS amount FROM LedgerEntry WHERE tenantId = ? AND kind = 'payment'", [order.tenantId]);
  expect(payments.map((p) => Number(p.amount))).toEqual([order.amountFen]);

  // A second confirmation of the same transfer (another operator, a double entry) says so and books nothing.
  await reference.fill(order.reference);
  await amount.fill("2000");
  await confirm.click();
  await expect(page.locator(".ant-alert-warning").filter({ hasText: order.reference })).toBeVisible();
  const after = await query<{ n: number }>("SELECT COUNT(*) AS n FROM LedgerEntry WHERE tenantId = ?", [order.tenantId]);
  expect(Number(after[0]?.n)).toBe(1);
});

test("an adjustment without a reason is refused", async ({ page }) => {
  const order = await tenantWithPendingOrder();
  await openBilling(page);
  await openTab(page, "balances");
  await page.getByLabel(t.balances.search).fill(order.tenantName);
  await page.getByLabel(t.balances.search).press("Enter");
  const row = page.getByRole("row").filter({ hasText: order.tenantName });
  await expect(row).toBeVisible();
  await page.screenshot({ path: "/tmp/ops-billing-balances.png", fullPage: true });

  await row.getByRole("button", { name: t.actions.adjust }).click();
  const dialog = page.getByRole("dialog", { name: t.adjust.title.replace("{tenant}", order.tenantName) });
  await dialog.getByLabel(t.adjust.amount, { exact: true }).fill("100");
  await dialog.getByRole("button", { name: t.adjust.submit }).click();
  await expect(fieldError(dialog, t.adjust.reason)).toHaveText(t.adjust.reasonRequired);
  await page.screenshot({ path: "/tmp/ops-billing-adjust.png", fullPage: true });
  await expect(dialog).toBeVisible();
  const entries = await query<{ n: number }>("SELECT COUNT(*) AS n FROM LedgerEntry WHERE tenantId = ?", [order.tenantId]);
  expect(Number(entries[0]?.n)).toBe(0);

  // With a reason it is booked, and the balance shows it.
  await dialog.getByLabel(t.adjust.reason, { exact: true }).fill("E2E 测试补偿");
  await dialog.getByRole("button", { name: t.adjust.submit }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("¥100.00");

  // The ledger drawer shows it in this month's statement, with the reason, and links the CSV.
  await row.getByRole("button", { name: t.actions.ledger }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: t.ledger.statementTab });
  await expect(drawer.getByRole("row").filter({ hasText: "E2E 测试补偿" })).toContainText("+¥100.00");
  const csv = drawer.getByRole("link", { name: t.ledger.csv });
  await expect(csv).toHaveAttribute("href", new RegExp(`tenantId=${order.tenantId}&month=\\d{4}-\\d{2}`));
  const download = await page.request.get((await csv.getAttribute("href"))!);
  expect(download.headers()["content-type"]).toContain("text/csv");
  expect(await download.text()).toContain("E2E 测试补偿");
  await page.screenshot({ path: "/tmp/ops-billing-ledger.png", fullPage: true });
});

test("an operator runs the current month and follows its progress to the summary", async ({ page }) => {
  await openBilling(page);
  await openTab(page, "runs");
  await page.getByRole("button", { name: t.runs.start }).click();
  await expect(page.getByRole("progressbar", { name: t.runs.progress })).toBeVisible();
  const summary = page.locator(".ant-descriptions").filter({ hasText: t.runs.columns.charged });
  await expect(summary).toContainText(t.runs.statuses.done, { timeout: 45_000 });
  await expect(page.locator(".ant-progress-status-success")).toBeVisible();
  await page.screenshot({ path: "/tmp/ops-billing-runs.png", fullPage: true });
});

async function orderStatus(reference: string): Promise<string | undefined> {
  const [row] = await query<{ status: string }>("SELECT status FROM `Order` WHERE reference = ?", [reference]);
  return row?.status;
}
