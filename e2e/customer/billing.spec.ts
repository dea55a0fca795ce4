import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { formatMoney } from "@/app/_components/money";
import { monthlyFee } from "@/server/billing/rules/fees";
import { addMonths, lastDayOf, monthOf } from "@/server/billing/rules/months";
import { signInAs, zh } from "../fixtures/session";
import { createBillingCustomer, ledgerOf, ordersOf, resizesOf } from "../fixtures/billing";

const t = zh.billing;
const ops = zh.opsBilling;
const STD_PRICE = 20_000; // std-263: 200 CNY per seat-year, in fen

/** A message with its {arguments} filled in, numbers grouped as the page shows them. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)(?:, number)?\}/g, (_, name: string) => {
    const v = values[name];
    return typeof v === "number" ? v.toLocaleString("zh-CN") : String(v);
  });
}

/** The antd form item around a labelled control: its messages sit next to it. */
const formItem = (scope: Locator, label: string) => scope.locator(".ant-form-item").filter({ has: scope.page().getByLabel(label, { exact: true }) });

async function openBilling(page: Page) {
  const customer = await createBillingCustomer();
  await signInAs(page, customer.account);
  await page.goto("/console/billing");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  return customer;
}

test("a customer orders 100 seats for a year, pays by bank transfer, then previews, schedules and cancels a resize", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const customer = await openBilling(page);
  const thisMonth = monthOf(new Date(), "Asia/Shanghai");
  const nextMonth = addMonths(thisMonth, 1);

  // Order: 103 seats is not sold; the rule offers 100 or 110.
  const order = page.getByRole("form", { name: t.order.title });
  await order.getByRole("radio", { name: "标准版 Standard" }).check();
  const seats = order.getByLabel(t.seats.label, { exact: true });
  await seats.fill("103");
  const seatsItem = formItem(order, t.seats.label);
  await expect(seatsItem).toContainText(fill(t.seats.offTier, { seats: 103, rule: t.seats.tierMid, options: fill(t.seats.or, { a: "100", b: "110" }) }));
  await expect(seatsItem.getByRole("button", { name: "110", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/billing-order-103.png", fullPage: true });
  await seatsItem.getByRole("button", { name: "100", exact: true }).click();
  await expect(seats).toHaveValue("100");
  // The arrows step through the counts we sell: 100 → 110 → 100, 100 → 95.
  await seats.press("ArrowUp");
  await expect(seats).toHaveValue("110");
  await seats.press("ArrowDown");
  await seats.press("ArrowDown");
  await expect(seats).toHaveValue("95");
  await seats.press("ArrowUp");
  await expect(seats).toHaveValue("100");

  // One year, the price before paying.
  await order.getByText(fill(t.order.years, { years: 1 }), { exact: true }).click(); // a button-style radio
  await expect(order.getByRole("radio", { name: fill(t.order.years, { years: 1 }) })).toBeChecked();
  await expect(order.getByTestId("order-total")).toHaveText("¥20,000.00");
  await expect(order).toContainText(fill(t.order.priceLine, { seats: 100, price: "¥200.00", years: 1 }));
  await order.getByRole("button", { name: t.order.submit }).click();

  // The pending order: reference code and where to transfer the money.
  const reference = (await page.getByTestId("order-reference").textContent())?.match(/MS-[0-9A-Z]{4}-[0-9A-Z]{4}/)?.[0];
  expect(reference).toBeTruthy();
  const pending = page.locator(".ant-card").filter({ hasText: fill(t.pending.title, { reference: reference! }) });
  await expect(pending).toContainText("¥20,000.00");
  for (const label of [t.pending.accountName, t.pending.bankName, t.pending.accountNumber]) await expect(pending).toContainText(label);
  await expect(pending.locator(".ant-descriptions-bordered td").nth(2)).toHaveText(/\d{4}/); // the account number
  expect(await ordersOf(customer.tenantId)).toEqual([expect.objectContaining({ reference, status: "pending", amount: 2_000_000, seats: 100, termYears: 1 })]);
  await page.screenshot({ path: "test-results/screenshots/billing-pending.png", fullPage: true });

  // An operator records the transfer in another browser.
  const opsContext = await browser.newContext();
  const opsPage = await opsContext.newPage();
  await signInAs(opsPage, demoAccount(null));
  await opsPage.goto("/ops/billing");
  await opsPage.getByRole("tab", { name: ops.tabs.transfers }).click();
  await opsPage.getByLabel(ops.transfers.reference, { exact: true }).fill(reference!);
  await opsPage.getByLabel(ops.transfers.amount, { exact: true }).fill("20000.00");
  await opsPage.getByRole("button", { name: ops.transfers.confirm }).click();
  await expect.poll(async () => (await ordersOf(customer.tenantId))[0]?.status).toBe("paid");
  await opsPage.screenshot({ path: "test-results/screenshots/billing-ops-confirmed.png", fullPage: true });
  await opsContext.close();
  expect(await ledgerOf(customer.tenantId)).toEqual([expect.objectContaining({ kind: "payment", amount: 2_000_000 })]);

  // Active, paid through the end of the twelfth month from next month. (Stripe sends customers
  // back with ?paid=<reference>; a paid order there gets its thank-you.)
  await page.goto(`/console/billing?paid=${reference}`);
  await expect(page.locator(".ant-alert").filter({ hasText: fill(t.paid.done, { reference: reference! }) })).toBeVisible();
  const status = page.locator(".ant-card").filter({ hasText: t.status.title });
  await expect(status).toContainText(t.status.subscription.active);
  await expect(status).toContainText("¥20,000.00");
  await expect(status.getByTestId("paid-through").locator(`time[datetime="${lastDayOf(addMonths(nextMonth, 11))}"]`)).toBeVisible();
  await expect(status.locator(`time[datetime="${nextMonth}-01"]`)).toBeVisible(); // billing start
  await expect(status.locator(".recharts-area")).toBeVisible();
  await expect(page.getByRole("form", { name: t.order.title })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/billing-active.png", fullPage: true });

  // Resize to 110 seats: the preview, then schedule, then cancel.
  const resize = page.getByRole("form", { name: t.resize.title });
  await resize.getByLabel(t.resize.seats, { exact: true }).press("ArrowUp");
  await expect(resize.getByLabel(t.resize.seats, { exact: true })).toHaveValue("110");
  await expect(resize.getByTestId("new-monthly-fee")).toHaveText(formatMoney(monthlyFee(110, STD_PRICE, nextMonth)));
  await expect(resize.locator(`time[datetime="${nextMonth}-01"]`)).toBeVisible();
  await expect(resize).toContainText(formatMoney(monthlyFee(100, STD_PRICE, nextMonth))); // current monthly fee
  await page.screenshot({ path: "test-results/screenshots/billing-resize-preview.png", fullPage: true });
  await resize.getByRole("button", { name: t.resize.schedule }).click();
  const scheduled = page.locator(".ant-alert").filter({ hasText: t.resize.scheduledTitle });
  await expect(scheduled).toContainText("110");
  expect(await resizesOf(customer.tenantId)).toEqual([{ toSeats: 110, effectiveMonth: nextMonth, status: "scheduled" }]);
  await page.screenshot({ path: "test-results/screenshots/billing-resize-scheduled.png", fullPage: true });
  await scheduled.getByRole("button", { name: t.resize.cancel }).click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: t.resize.cancel }).click();
  await expect(scheduled).toHaveCount(0);
  await expect(page.getByRole("form", { name: t.resize.title })).toBeVisible();
  expect(await resizesOf(customer.tenantId)).toEqual([{ toSeats: 110, effectiveMonth: nextMonth, status: "cancelled" }]);

  // A top-up below one month's fee is refused next to the amount; a real one becomes an order to pay.
  const topUp = page.getByRole("form", { name: t.topUp.title });
  await topUp.getByLabel(t.topUp.amount, { exact: true }).fill("100");
  await topUp.getByRole("button", { name: t.topUp.submit }).click();
  const amountItem = formItem(topUp, t.topUp.amount);
  await expect(amountItem.locator(".ant-form-item-explain-error")).toContainText(formatMoney(monthlyFee(100, STD_PRICE, nextMonth)).replace("¥", ""));
  expect(await ordersOf(customer.tenantId)).toHaveLength(1);
  await topUp.getByLabel(t.topUp.amount, { exact: true }).fill("2000");
  await expect(topUp.getByTestId("top-up-reach")).toContainText("¥22,000.00");
  await page.screenshot({ path: "test-results/screenshots/billing-topup.png", fullPage: true });
  await topUp.getByRole("button", { name: t.topUp.submit }).click();
  await expect.poll(async () => (await ordersOf(customer.tenantId)).map((o) => `${o.kind}:${o.status}:${o.amount}`)).toEqual([
    "subscription:paid:2000000",
    "top_up:pending:200000",
  ]);
  await expect(page.getByTestId("order-reference")).toBeVisible();

  // The history: both orders, the payment in the ledger, this month's statement.
  await page.getByRole("tab", { name: t.history.orders }).click();
  await expect(page.locator(".ant-table-tbody tr.ant-table-row")).toHaveCount(2);
  await page.getByRole("tab", { name: t.history.ledger }).click();
  const ledgerRow = page.locator(".ant-table-tbody tr.ant-table-row").filter({ hasText: t.history.ledgerKind.payment });
  await expect(ledgerRow).toContainText("+¥20,000.00");
  await page.getByRole("tab", { name: t.history.statements }).click();
  await expect(page.getByText(t.history.closing)).toBeVisible();
  await expect(page.getByRole("link", { name: t.history.download })).toHaveAttribute("href", `/api/billing/statements?month=${thisMonth}`);
  await page.screenshot({ path: "test-results/screenshots/billing-history.png", fullPage: true });
});

test("seat counts we do not sell are refused with the rule's message and nothing is ordered", async ({ page }) => {
  const customer = await openBilling(page);
  const order = page.getByRole("form", { name: t.order.title });
  const seats = order.getByLabel(t.seats.label, { exact: true });
  const seatsItem = formItem(order, t.seats.label);

  await seats.fill("0");
  await expect(seatsItem).toContainText(fill(t.seats.min, { min: 5 }));
  await expect(seatsItem.getByRole("button", { name: "5", exact: true })).toBeVisible();
  await expect(order.getByTestId("order-total")).toHaveCount(0); // no price for a count we do not sell

  await seats.fill("1000000");
  await expect(seatsItem).toContainText(fill(t.seats.max, { max: 100_000 }));
  await order.getByRole("button", { name: t.order.submit }).click();
  await expect(seatsItem).toContainText(fill(t.seats.max, { max: 100_000 }));

  await seats.fill("1060");
  await expect(seatsItem).toContainText(fill(t.seats.or, { a: "1,050", b: "1,100" }));
  await seatsItem.getByRole("button", { name: "1,100", exact: true }).click();
  await expect(seats).toHaveValue("1100");
  await page.screenshot({ path: "test-results/screenshots/billing-seat-rules.png", fullPage: true });
  expect(await ordersOf(customer.tenantId)).toEqual([]);
});
