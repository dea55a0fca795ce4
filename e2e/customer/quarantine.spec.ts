import { expect, test } from "@playwright/test";
import { signInAs, zh } from "../fixtures/session";
import { MAILBOX_PASSWORD } from "../fixtures/mail-log";
import { createQuarantineTenant, GTUBE, heldEntries, sendFromOutside } from "../fixtures/quarantine";

// 隔离区 (issue 8, "Done when"): spam from outside is held by the real filters (rspamd through
// the e2e engine's MX port, under the tenant's policy), then the tenant admin finds it, previews
// it as plain text, releases it, and sees it delivered in the mail log.

const q = zh.quarantine;
const log = zh.mailLog;

test("a tenant admin finds a quarantined message, previews it, releases it and sees it delivered in the mail log", async ({ page }) => {
  test.setTimeout(120_000);
  const tenant = await createQuarantineTenant();
  const subject = `限时特价 E2E ${Date.now().toString(36)}`;
  const reply = await sendFromOutside(tenant.recipient.address, subject, `尊敬的客户：\n<b>今日特价</b>，点击领取。\n${GTUBE}\n`);
  expect(reply).toMatch(/^250 /);
  const held = await heldEntries(tenant.tenantId, subject);
  expect(held.map((h) => h.kind)).toEqual(["spam"]);

  await signInAs(page, tenant.admin);
  await page.getByRole("menuitem", { name: zh.nav.quarantine }).click();
  await expect(page).toHaveURL(/\/console\/quarantine$/);
  await expect(page.getByRole("heading", { name: q.title })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(tenant.recipient.address);
  await expect(row).toContainText("promo@outside.example");
  await expect(row).toContainText(q.kind.spam);
  await expect(row).toContainText("GTUBE");
  await page.screenshot({ path: "test-results/screenshots/quarantine-list.png", fullPage: true });

  // The preview: headers and the text as text — the <b> arrives as characters, not as markup.
  await row.getByRole("button", { name: q.preview }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: q.drawer.title });
  await expect(drawer).toContainText(subject);
  const text = drawer.getByRole("region", { name: q.drawer.text });
  await expect(text).toContainText("<b>今日特价</b>");
  await expect(text.locator("b")).toHaveCount(0);
  await expect(drawer.getByRole("region", { name: q.drawer.attachments })).toContainText(q.drawer.noAttachments);
  await page.screenshot({ path: "test-results/screenshots/quarantine-preview.png", fullPage: true });

  // Release from the drawer, confirmed.
  await drawer.getByRole("button", { name: q.release }).click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: q.release }).click();
  await expect(page.getByText(q.released.replace("{mailbox}", tenant.recipient.address))).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: subject })).toHaveCount(0);
  await page.locator(".ant-segmented-item").filter({ hasText: q.filters.states.released }).click();
  await expect(page.getByRole("row").filter({ hasText: subject })).toHaveCount(1);

  // The mail log: the recipient's line is delivered now, and its history says it was held first.
  await page.getByRole("menuitem", { name: zh.nav.mailLog }).click();
  await expect(page).toHaveURL(/\/console\/mail-log$/);
  const form = page.getByRole("form", { name: log.filters.label });
  await form.getByLabel(log.filters.subject).fill(subject);
  await form.getByRole("button", { name: log.filters.search }).click();
  const line = page.getByRole("row").filter({ hasText: subject });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(log.direction.inbound);
  await expect(line).toContainText(log.status.delivered);
  await line.getByRole("button", { name: log.details }).click();
  const history = page.getByRole("dialog").filter({ hasText: log.drawer.title }).getByRole("region", { name: log.drawer.history });
  await expect(history).toContainText(log.status.quarantined);
  await expect(history).toContainText(log.status.delivered);
  await expect(history).toContainText(`released from quarantine by ${tenant.admin.email}`);
  await page.screenshot({ path: "test-results/screenshots/quarantine-released-in-log.png", fullPage: true });
});

test("a mailbox user releases their own held message as not spam, then reports it as spam", async ({ page }) => {
  test.setTimeout(120_000);
  const tenant = await createQuarantineTenant();
  const subject = `中奖通知 E2E ${Date.now().toString(36)}`;
  expect(await sendFromOutside(tenant.recipient.address, subject, `恭喜您中奖！\n${GTUBE}\n`)).toMatch(/^250 /);

  await page.goto("/signin?as=mailbox");
  await page.getByLabel(zh.auth.address, { exact: true }).fill(tenant.recipient.address);
  await page.getByLabel(zh.auth.password, { exact: true }).fill(MAILBOX_PASSWORD);
  await page.getByRole("button", { name: zh.auth.submit }).click();
  await expect(page).toHaveURL(/\/mailbox$/);
  await page.getByRole("menuitem", { name: zh.nav.quarantine }).click();
  await expect(page).toHaveURL(/\/mailbox\/quarantine$/);
  await expect(page.getByRole("heading", { name: q.mine.title })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toHaveCount(1);
  await page.screenshot({ path: "test-results/screenshots/quarantine-mine.png", fullPage: true });

  await row.getByRole("button", { name: q.mine.notSpam }).click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: q.mine.notSpam }).click();
  await expect(page.getByText(q.released.replace("{mailbox}", tenant.recipient.address))).toBeVisible();

  // Now delivered: it shows under "mail delivered to me", where it can be reported.
  const delivered = page.getByRole("row").filter({ hasText: subject });
  await expect(delivered).toHaveCount(1);
  await delivered.getByRole("button", { name: q.mine.reportSpam }).click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: q.mine.reportSpam }).click();
  await expect(page.getByText(new RegExp(`^(${q.mine.reported}|${q.mine.reportedNotTaught.split("{detail}")[0]})`))).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/quarantine-mine-reported.png", fullPage: true });
});
