import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { platformText, spanText } from "@/app/(operator)/ops/sla/platform-time";
import { pickOption } from "../fixtures/antd";
import { query } from "../fixtures/db";
import { en, signInAs, zh } from "../fixtures/session";

const t = zh.opsSla;
const SHOTS = "test-results/screenshots";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Unique per run, and on the minute (the pickers' resolution), so reruns never collide.
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const onMinute = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE);

const field = (dialog: Locator, label: string) => dialog.locator(".ant-form-item").filter({ has: dialog.page().getByLabel(label, { exact: true }) });
const fieldError = (dialog: Locator, label: string) => field(dialog, label).locator(".ant-form-item-explain-error");

/** Types a start and (optionally) an end into the dialog's range picker, on Beijing time. */
async function typeWindow(dialog: Locator, start: Date, end: Date | null) {
  const inputs = dialog.locator(".ant-picker-range input");
  await inputs.nth(0).click();
  await inputs.nth(0).fill(platformText(start));
  await inputs.nth(0).press("Enter");
  // Enter confirms each end (an empty end too, for an incident still going on); then the panel closes.
  await inputs.nth(1).fill(end ? platformText(end) : "");
  await inputs.nth(1).press("Enter");
  await expect(inputs.nth(0)).toHaveValue(platformText(start));
  await dialog.locator(".ant-modal-title").click(); // closes the panel, so it covers nothing
}

async function openOperations(page: Page) {
  await signInAs(page, demoAccount(null));
  await page.goto("/ops/sla?tab=operations");
  await expect(page.getByRole("tab", { name: t.tabs.operations, selected: true })).toBeVisible();
}

test("an operator schedules maintenance, sees it excluded, is warned of a late one and cancels it", async ({ page }) => {
  test.setTimeout(120_000);
  await openOperations(page);
  const description = `E2E 例行维护 ${run}`;
  // Days ahead (well past the 24 h notice), at a time of its own so no other window overlaps.
  const start = onMinute(Date.now() + 3 * 24 * HOUR + Math.floor(Math.random() * 200 * 24) * HOUR);
  await page.getByRole("button", { name: t.maintenance.schedule }).click();
  const dialog = page.getByRole("dialog", { name: t.maintenance.scheduleTitle });
  await expect(dialog).toContainText(t.maintenance.window);
  await typeWindow(dialog, start, new Date(start.getTime() + 30 * MINUTE));
  await dialog.getByLabel(t.maintenance.description, { exact: true }).fill(description);
  await page.screenshot({ path: `${SHOTS}/ops-sla-maintenance-schedule.png`, fullPage: true });
  await dialog.getByRole("button", { name: t.maintenance.schedule }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: description });
  await expect(row).toContainText(spanText(start, new Date(start.getTime() + 30 * MINUTE), ""));
  await expect(row).toContainText(t.maintenance.excluded);
  await expect(row).toContainText(t.maintenance.status.scheduled);

  // Two hours ahead: scheduled anyway, with the server's warning, and its minutes count.
  const late = `E2E 紧急维护 ${run}`;
  const soon = onMinute(Date.now() + 2 * HOUR);
  await page.getByRole("button", { name: t.maintenance.schedule }).click();
  await typeWindow(dialog, soon, new Date(soon.getTime() + 20 * MINUTE));
  await dialog.getByLabel(t.maintenance.description, { exact: true }).fill(late);
  await dialog.getByRole("button", { name: t.maintenance.schedule }).click();
  await expect(page.getByText(/不足 24 小时/)).toBeVisible();
  const lateRow = page.getByRole("row").filter({ hasText: late });
  await expect(lateRow).toContainText(t.maintenance.counts);
  await page.screenshot({ path: `${SHOTS}/ops-sla-maintenance.png`, fullPage: true });

  // Cancelled with a reason: shown as such, no longer excluding anything.
  await lateRow.getByRole("button", { name: t.maintenance.cancel }).click();
  const cancel = page.getByRole("dialog").filter({ hasText: t.maintenance.cancelHelp });
  await cancel.getByRole("button", { name: t.maintenance.cancelSubmit }).click();
  await expect(fieldError(cancel, t.maintenance.reason)).toHaveText(t.maintenance.reasonRequired);
  await cancel.getByLabel(t.maintenance.reason, { exact: true }).fill("E2E 改期到周末");
  await cancel.getByRole("button", { name: t.maintenance.cancelSubmit }).click();
  await expect(cancel).toBeHidden();
  await expect(lateRow).toContainText(t.maintenance.status.cancelled);
  await expect(lateRow.getByRole("button", { name: t.maintenance.cancel })).toHaveCount(0);
});

test("an operator is refused an incident starting in the future, records a force-majeure one (refused without a reason first), and closes it", async ({ page }) => {
  test.setTimeout(120_000);
  await openOperations(page);
  const summary = `E2E 机房所在区域停电 ${run}`;
  const reason = "E2E 市政电网故障，属不可抗力";
  const dialog = page.getByRole("dialog", { name: t.incidents.recordTitle });
  async function fillIncident(start: Date) {
    await page.getByRole("button", { name: t.incidents.record }).click();
    await pickOption(page, dialog.getByLabel(t.incidents.causeLabel, { exact: true }), t.incidents.cause.force_majeure);
    await pickOption(page, dialog.getByLabel(t.incidents.kindLabel, { exact: true }), t.incidents.kind.power);
    await dialog.getByLabel(t.incidents.summary, { exact: true }).fill(summary);
    await typeWindow(dialog, start, null);
  }

  // A start in the future, with a reason: the server refuses, under the time field.
  await fillIncident(onMinute(Date.now() + 2 * 24 * HOUR));
  await dialog.getByLabel(t.incidents.reason, { exact: true }).fill(reason);
  await dialog.getByRole("button", { name: t.incidents.record }).click();
  await expect(dialog.locator(".ant-form-item-explain-error").filter({ hasText: "开始时间不能在将来" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ops-sla-incident-refused.png`, fullPage: true });
  await dialog.getByRole("button", { name: t.incidents.cancel }).click();
  await expect(dialog).toBeHidden();

  // Force majeure without a reason is refused under the reason; with one it is recorded, still open.
  await fillIncident(onMinute(Date.now() - HOUR));
  await dialog.getByRole("button", { name: t.incidents.record }).click();
  await expect(fieldError(dialog, t.incidents.reason)).toHaveText(t.incidents.reasonRequired);
  await dialog.getByLabel(t.incidents.reason, { exact: true }).fill(reason);
  await dialog.getByRole("button", { name: t.incidents.record }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: summary });
  await expect(row).toContainText(t.incidents.cause.force_majeure);
  await expect(row).toContainText("E2E 市政电网故障");
  await expect(row).toContainText(t.incidents.ongoing);
  await expect(row).toContainText(t.incidents.platformWide);

  // Closing sets the end to now; the incident is no longer open.
  await row.getByRole("button", { name: t.incidents.close, exact: true }).click();
  const close = page.getByRole("dialog", { name: t.incidents.closeTitle });
  await close.getByRole("button", { name: t.incidents.save }).click();
  await expect(close).toBeHidden();
  await expect(row).not.toContainText(t.incidents.ongoing);
  await expect(row.getByRole("button", { name: t.incidents.close, exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/ops-sla-incidents.png`, fullPage: true });

  // The same tab in English.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://127.0.0.1:3100" }]);
  await page.reload();
  await expect(page.getByRole("tab", { name: en.opsSla.tabs.operations, selected: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: summary })).toContainText(en.opsSla.incidents.cause.force_majeure);
  await page.screenshot({ path: `${SHOTS}/ops-sla-operations-en.png`, fullPage: true });
});

test("an operator changes a plan's availability target and sees it saved as the plan's own", async ({ page }) => {
  const tt = t.targets;
  // A plan of this test's own (not on sale), so no other test's month is measured against it.
  const code = `e2e-sla-${run}`.slice(0, 40);
  await query(
    "INSERT INTO Plan (id, code, name, pricePerSeatYear, mailboxQuotaMb, attachmentLimitMb, largeAttachmentLimitMb, active, updatedAt) VALUES (?, ?, ?, 20000, 2048, 50, 2048, 0, NOW(3))",
    [`e2e${run}`, code, `E2E SLA ${run}`],
  );
  await signInAs(page, demoAccount(null));
  await page.goto("/ops/plans");
  const row = page.getByRole("row").filter({ hasText: code });
  await row.getByRole("button", { name: tt.action }).click();
  const dialog = page.getByRole("dialog", { name: tt.title.replace("{name}", `E2E SLA ${run}`) });
  await expect(dialog).toContainText(tt.contract);
  const availability = dialog.getByLabel(tt.fields.availabilityPpm, { exact: true });
  await expect(availability).toHaveValue("99.9");
  await expect(dialog.getByLabel(tt.fields.falsePositivePpm, { exact: true })).toHaveValue("0.01");

  // Out of the server's bounds: refused under the field, in percent.
  await availability.fill("100.5");
  await dialog.getByRole("button", { name: tt.save }).click();
  await expect(fieldError(dialog, tt.fields.availabilityPpm)).toBeVisible();
  await availability.fill("99.95");
  await expect(fieldError(dialog, tt.fields.availabilityPpm)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/ops-plans-sla-targets.png`, fullPage: true });
  await dialog.getByRole("button", { name: tt.save }).click();
  await expect(dialog).toBeHidden();
  const [saved] = await query<{ availabilityPpm: number }>("SELECT availabilityPpm FROM SlaTarget WHERE planId = ?", [`e2e${run}`]);
  expect(saved?.availabilityPpm).toBe(999_500);

  await row.getByRole("button", { name: tt.action }).click();
  await expect(dialog).toContainText(tt.custom);
  await expect(availability).toHaveValue("99.95");

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://127.0.0.1:3100" }]);
  await page.reload();
  await page.getByRole("row").filter({ hasText: code }).getByRole("button", { name: en.opsSla.targets.action }).click();
  await expect(page.getByRole("dialog")).toContainText(en.opsSla.targets.custom);
  await page.screenshot({ path: `${SHOTS}/ops-plans-sla-targets-en.png`, fullPage: true });
});
