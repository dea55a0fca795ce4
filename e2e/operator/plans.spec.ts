import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { signInAs, zh } from "../fixtures/session";

const t = zh.plans;

const input = (dialog: Locator, label: string) => dialog.getByLabel(label, { exact: true });
/** The form item (label, input and its messages) of one field in the plan dialog. */
const field = (dialog: Locator, label: string) =>
  // A `has` locator is matched inside each form item, so it starts from the page, not the dialog.
  dialog.locator(".ant-form-item").filter({ has: dialog.page().getByLabel(label, { exact: true }) });

async function openPlans(page: Page) {
  await signInAs(page, demoAccount(null));
  await page.goto("/ops/plans");
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
}

test("an operator creates a plan, changes its price and sees both prices in its history", async ({ page }) => {
  await openPlans(page);
  // The seeded 263 catalogue is there, priced in yuan.
  await expect(page.getByRole("row").filter({ hasText: "std-263" })).toContainText("¥200.00");

  const code = `e2e-${Date.now().toString(36)}`;
  await page.getByRole("button", { name: t.new }).click();
  const dialog = page.getByRole("dialog", { name: t.form.createTitle });
  await input(dialog, t.form.code).fill(code);
  await input(dialog, t.form.name).fill("E2E 企业版");
  await input(dialog, t.form.price).fill("300");
  await input(dialog, t.form.quota).fill("0"); // GB: refused by the server, next to the field
  await input(dialog, t.form.attachment).fill("50");
  await input(dialog, t.form.large).fill("2");
  await dialog.getByRole("button", { name: t.form.create }).click();
  await expect(field(dialog, t.form.quota).locator(".ant-form-item-explain-error")).toBeVisible();
  await expect(field(dialog, t.form.code).locator(".ant-form-item-explain-error")).toHaveCount(0);

  await input(dialog, t.form.quota).fill("500");
  await dialog.getByRole("button", { name: t.form.create }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText("¥300.00");
  await expect(row).toContainText("500 GB");

  await row.getByRole("button", { name: t.edit }).click();
  const edit = page.getByRole("dialog", { name: t.form.editTitle.replace("{name}", "E2E 企业版") });
  await expect(input(edit, t.form.code)).toBeDisabled();
  await input(edit, t.form.price).fill("350.50");
  await edit.getByRole("button", { name: t.form.save }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("¥350.50");

  await row.getByRole("button", { name: t.history }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: t.priceHistory.effectiveFrom });
  const rows = drawer.locator(".ant-table-tbody tr.ant-table-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("¥350.50"); // newest first
  await expect(rows.nth(0)).toContainText(t.priceHistory.current);
  await expect(rows.nth(1)).toContainText("¥300.00");
  await expect(drawer.locator(".recharts-line")).toHaveCount(1); // the step chart
  await page.screenshot({ path: "test-results/screenshots/plans-history.png", fullPage: true });
  await drawer.locator(".ant-drawer-close").click();

  // Withdraw: the plan stays listed, marked withdrawn.
  await row.getByRole("button", { name: t.withdraw }).click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: t.withdraw }).click();
  await expect(row).toContainText(t.status.withdrawn);
  await expect(page.locator(".ant-popconfirm")).toBeHidden();
  await page.screenshot({ path: "test-results/screenshots/plans.png", fullPage: true });
});

test("a duplicate code is refused next to the code field", async ({ page }) => {
  await openPlans(page);
  await page.getByRole("button", { name: t.new }).click();
  const dialog = page.getByRole("dialog", { name: t.form.createTitle });
  await input(dialog, t.form.code).fill("std-263");
  await input(dialog, t.form.name).fill("重复");
  await input(dialog, t.form.price).fill("1.00");
  await input(dialog, t.form.quota).fill("1");
  await input(dialog, t.form.attachment).fill("1");
  await input(dialog, t.form.large).fill("1");
  await dialog.getByRole("button", { name: t.form.create }).click();
  await expect(field(dialog, t.form.code).locator(".ant-form-item-explain-error")).toContainText("std-263");
  // Text that is not an amount is caught before anything is sent.
  await input(dialog, t.form.price).fill("12.345");
  await expect(field(dialog, t.form.price).locator(".ant-form-item-explain-error")).toHaveText(t.form.priceInvalid);
});
