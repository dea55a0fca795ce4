import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoAccount } from "@/prisma/seed/demo-accounts";
import { pickOption } from "../fixtures/antd";
import { onHome, scheduleForTenant, secondsFromNow, writeBody } from "../fixtures/announcements";
import { query } from "../fixtures/db";
import { signInAs, zh } from "../fixtures/session";
import { createMailbox, createSelfServiceTenant, type SelfServiceTenant } from "../fixtures/self-service";

const t = zh.announcements;
const SHOTS = "test-results/screenshots";
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("an operator schedules a platform announcement: it appears on the tenant's home at its publish time and is gone after its take-down", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const tenant = await createSelfServiceTenant();
  const title = `E2E 定时公告 ${run}`;

  await signInAs(page, demoAccount(null));
  const publishAt = secondsFromNow(30_000);
  const takeDownAt = new Date(publishAt.getTime() + 25_000);
  await scheduleForTenant(page, { title, body: "今晚系统升级，期间可能短暂无法登录。", tenantName: tenant.tenantName, publishAt, takeDownAt });
  await page.screenshot({ path: `${SHOTS}/ops-announcements.png`, fullPage: true });

  // Before its publish time: not on the tenant admin's home.
  const admin = await newPage(browser);
  await signInAs(admin, tenant.admin);
  expect(Date.now()).toBeLessThan(publishAt.getTime());
  expect(await onHome(admin, title)).toBe(0);

  // From its publish time: shown, unread; opening it shows the text and marks it read.
  await expect.poll(() => onHome(admin, title), { timeout: 60_000, intervals: [3_000] }).toBe(1);
  const item = admin.getByTestId("announcement-item").filter({ hasText: title });
  await expect(item).toHaveAttribute("data-unread", "true");
  await item.click();
  await expect(admin.getByTestId("announcement-drawer")).toContainText("今晚系统升级");
  await admin.screenshot({ path: `${SHOTS}/console-announcement-open.png` });
  await admin.keyboard.press("Escape");
  await expect(item).not.toHaveAttribute("data-unread", "true");

  // After its take-down time: gone from the home, ended in the history.
  await expect.poll(() => onHome(admin, title), { timeout: 60_000, intervals: [3_000] }).toBe(0);
  await admin.getByTestId("announcements").getByRole("link", { name: t.viewAll }).click();
  await expect(admin).toHaveURL(/\/console\/announcements/);
  const ended = admin.getByTestId("announcement-row").filter({ hasText: title });
  await expect(ended.getByTestId("announcement-state")).toHaveText(t.state.ended);
  await admin.screenshot({ path: `${SHOTS}/console-announcement-history.png`, fullPage: true });
});

async function mailboxIn(tenant: SelfServiceTenant, localPart: string, departmentId: string) {
  const m = await createMailbox(tenant, localPart, "Harbour#2026x");
  await query("UPDATE Mailbox SET departmentId = ?, mustChangePassword = 0 WHERE id = ?", [departmentId, m.id]);
  return m;
}

async function signInAsMailbox(page: Page, address: string, password: string) {
  await page.goto("/signin?as=mailbox");
  await page.getByLabel(zh.auth.address, { exact: true }).fill(address);
  await page.getByLabel(zh.auth.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: zh.auth.submit }).click();
  await expect(page).toHaveURL(/\/mailbox$/);
}

test("a tenant admin publishes to one department: its member sees it on the self-service page, another department's does not", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tenant = await createSelfServiceTenant();
  const [sales, ops] = [`e2edep${run}s`, `e2edep${run}o`];
  await query("INSERT INTO Department (id, tenantId, name, updatedAt) VALUES (?, ?, '销售部', NOW(3)), (?, ?, '运维部', NOW(3))", [sales, tenant.tenantId, ops, tenant.tenantId]);
  const seller = await mailboxIn(tenant, "seller", sales);
  const operator = await mailboxIn(tenant, "operator", ops);
  const title = `E2E 销售部通知 ${run}`;

  await signInAs(page, tenant.admin);
  await page.goto("/console/announcements?tab=mine");
  await page.getByRole("button", { name: t.actions.create }).click();
  const dialog = page.getByRole("dialog").filter({ hasText: t.editor.createTitle });
  await dialog.getByLabel(t.editor.title, { exact: true }).fill(title);
  await pickOption(page, dialog.getByLabel(t.editor.audience, { exact: true }), t.audience.departments);
  await dialog.getByLabel(t.editor.departments, { exact: true }).click();
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title").filter({ hasText: "销售部" }).click();
  await dialog.locator(".ant-modal-title").click(); // closes the tree list
  await writeBody(dialog, "本周五下午销售例会。");
  await dialog.getByRole("button", { name: t.editor.save }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("managed-announcement").filter({ hasText: title }).getByTestId("announcement-state")).toHaveText(t.state.current);

  const member = await newPage(browser);
  await signInAsMailbox(member, seller.address, seller.password);
  const card = member.getByTestId("announcements");
  await expect(card.getByTestId("announcement-item").filter({ hasText: title })).toBeVisible();
  await card.getByTestId("announcement-item").filter({ hasText: title }).click();
  await expect(member.getByTestId("announcement-drawer")).toContainText("本周五下午销售例会");
  await member.screenshot({ path: `${SHOTS}/mailbox-announcement.png`, fullPage: true });

  const outsider = await newPage(browser);
  await signInAsMailbox(outsider, operator.address, operator.password);
  await expect(outsider.getByTestId("announcements").getByText(t.emptyMailbox)).toBeVisible();
  await expect(outsider.getByText(title)).toHaveCount(0);
});
