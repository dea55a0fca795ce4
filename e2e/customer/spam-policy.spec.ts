import { expect, test, type Page } from "@playwright/test";
import { query } from "../fixtures/db";
import { createMailbox, createSelfServiceTenant } from "../fixtures/self-service";
import { signInAs, zh } from "../fixtures/session";
import { pickOption } from "../fixtures/antd";

const t = zh.spamPolicy;

/** The form item (label, input, bounds and errors) of one threshold. */
const field = (page: Page, label: string) => page.getByTestId("spam-policy-card").locator(".ant-form-item").filter({ has: page.getByLabel(label, { exact: true }) });
const input = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test("an admin sets the spam thresholds within the bounds, is told which bound or order is broken, saves and resets to the defaults", async ({ page }) => {
  test.setTimeout(90_000);
  const tenant = await createSelfServiceTenant();
  await signInAs(page, tenant.admin);
  await page.goto("/console/settings");
  const card = page.getByTestId("spam-policy-card");
  await expect(card.getByText(t.cardTitle, { exact: true })).toBeVisible();
  await expect(card.getByText(t.defaultInUse, { exact: true })).toBeVisible();
  await expect(input(page, t.fields.rejectScore)).toHaveValue("30");
  await expect(field(page, t.fields.rejectScore)).toContainText("范围 6 到 100 · 默认 30");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/settings-spam-policy-default.png", fullPage: true });

  // Out of bounds: the field says its bounds; nothing is saved.
  await input(page, t.fields.rejectScore).fill("150");
  await card.getByRole("button", { name: t.save }).click();
  await expect(field(page, t.fields.rejectScore).locator(".ant-form-item-explain-error").getByText("拒收分数须在 6 到 100 之间", { exact: true })).toBeVisible();
  // Out of order: reject must be above quarantine.
  await input(page, t.fields.quarantineScore).fill("12");
  await input(page, t.fields.rejectScore).fill("12");
  await card.getByRole("button", { name: t.save }).click();
  await expect(field(page, t.fields.rejectScore).locator(".ant-form-item-explain-error").getByText("拒收分数须高于隔离分数（12）", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/settings-spam-policy-refused.png", fullPage: true });
  expect(await query("SELECT tenantId FROM SpamPolicy WHERE tenantId = ?", [tenant.tenantId])).toHaveLength(0);

  // Valid: saved, the scale follows, the tag says the tenant's own thresholds apply.
  await input(page, t.fields.addHeaderScore).fill("6");
  await input(page, t.fields.quarantineScore).fill("10");
  await input(page, t.fields.rejectScore).fill("20.5");
  await pickOption(page, card.getByRole("combobox", { name: t.fields.virusAction }), t.virus.quarantine);
  await card.getByRole("button", { name: t.save }).click();
  await expect(page.getByText(t.saved)).toBeVisible();
  await expect(card.getByText(t.customInUse, { exact: true })).toBeVisible();
  await expect(card.getByRole("img", { name: /拒收 ≥ 20\.5/ })).toBeVisible();
  const [row] = await query<{ addHeaderScore: number; quarantineScore: number; rejectScore: number; virusAction: string }>(
    "SELECT addHeaderScore, quarantineScore, rejectScore, virusAction FROM SpamPolicy WHERE tenantId = ?",
    [tenant.tenantId],
  );
  expect(row).toEqual({ addHeaderScore: 6, quarantineScore: 10, rejectScore: 20.5, virusAction: "quarantine" });
  await page.screenshot({ path: "test-results/screenshots/settings-spam-policy.png", fullPage: true });

  await card.getByRole("button", { name: t.reset }).click();
  await page.getByRole("tooltip").getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(t.resetDone)).toBeVisible();
  await expect(card.getByText(t.defaultInUse, { exact: true })).toBeVisible();
  await expect(input(page, t.fields.rejectScore)).toHaveValue("30");
  expect(await query("SELECT tenantId FROM SpamPolicy WHERE tenantId = ?", [tenant.tenantId])).toHaveLength(0);
});

test("an admin sees which mailboxes cannot send because they sent spam", async ({ page }) => {
  const tenant = await createSelfServiceTenant();
  const box = await createMailbox(tenant, "spammer", "Initial#2026");
  await createMailbox(tenant, "fine", "Initial#2026");
  await query("UPDATE Mailbox SET sendingSuspendedAt = NOW(3), sendingSuspendedReason = 'Outbound spam: 5 messages' WHERE id = ?", [box.id]);
  await signInAs(page, tenant.admin);
  await page.goto("/console/settings");
  await expect(page.getByTestId("spam-policy-card").getByRole("alert")).toContainText(box.address);

  await page.goto("/console/mailboxes");
  await expect(page.getByRole("row").filter({ hasText: box.address }).getByText(t.suspendedTitle)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `fine@${tenant.domain}` }).getByText(t.suspendedTitle)).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/mailboxes-sending-suspended.png", fullPage: true });
});
