import { expect, test, type Page } from "@playwright/test";
import nodemailer from "nodemailer";
import { signInAs, zh } from "../fixtures/session";
import { createMailLogTenant, insertLines, MAILBOX_PASSWORD, type MailLogTenant } from "../fixtures/mail-log";
import { pickOption } from "../fixtures/antd";

// 收发信记录 (issue 7, "Done when"): a customer sends a message through submission, then finds
// it in the delivery log; and the page itself — filters, load more, the details drawer — on
// lines written into the table directly.

const t = zh.mailLog;
// The e2e server's engine (scripts/e2e-server.sh; playwright.config.ts sets the variable).
const SUBMISSION_PORT = Number(process.env.E2E_SUBMISSION_PORT ?? 2588);

async function openMailLog(page: Page, tenant: MailLogTenant) {
  await signInAs(page, tenant.admin);
  await page.getByRole("menuitem", { name: zh.nav.mailLog }).click();
  await expect(page).toHaveURL(/\/console\/mail-log$/);
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
}

async function searchSubject(page: Page, subject: string) {
  const form = page.getByRole("form", { name: t.filters.label });
  await form.getByLabel(t.filters.subject).fill(subject);
  await form.getByRole("button", { name: t.filters.search }).click();
}

test("a customer sends a message through submission, then finds it delivered in the mail log", async ({ page }) => {
  test.setTimeout(90_000);
  const tenant = await createMailLogTenant();
  const subject = `项目周报 E2E ${Date.now().toString(36)}`;
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: SUBMISSION_PORT,
    secure: false,
    requireTLS: true,
    tls: { rejectUnauthorized: false },
    auth: { user: tenant.sender.address, pass: MAILBOX_PASSWORD },
  });
  const info = await transport.sendMail({ from: tenant.sender.address, to: tenant.recipient.address, subject, text: "本周进度见附件。" });
  transport.close();
  expect(info.accepted).toEqual([tenant.recipient.address]);

  await openMailLog(page, tenant);
  await searchSubject(page, subject);
  // One line per side: the sender's 发信 and the recipient's 收信, both delivered to the mailbox.
  const rows = page.getByRole("row").filter({ hasText: subject });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: t.direction.outbound })).toContainText(t.status.delivered);
  await expect(rows.filter({ hasText: t.direction.inbound })).toContainText(t.status.delivered);
  for (const row of await rows.all()) {
    await expect(row).toContainText(tenant.sender.address);
    await expect(row).toContainText(tenant.recipient.address);
  }
  await rows.filter({ hasText: t.direction.inbound }).getByRole("button", { name: t.details }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: t.drawer.title });
  await expect(drawer).toContainText(subject);
  await expect(drawer.getByRole("region", { name: t.drawer.history })).toContainText(t.status.received);
  await expect(drawer.getByRole("region", { name: t.drawer.history })).toContainText(t.status.delivered);
  await page.screenshot({ path: "test-results/screenshots/mail-log-sent.png", fullPage: true });
});

test("the mail log filters lines, loads more and shows a line's history", async ({ page }) => {
  test.setTimeout(90_000);
  const tenant = await createMailLogTenant();
  const me = tenant.sender;
  await insertLines(tenant.tenantId, [
    { direction: "outbound", mailboxId: me.id, sender: me.address, recipient: "buyer@partner.example.cn", subject: "报价单 第 3 版", status: "relayed", reason: "250 2.0.0 queued as 4F2A1", minutesAgo: 5 },
    { direction: "outbound", mailboxId: me.id, sender: me.address, recipient: "nobody@partner.example.cn", subject: "报价单 第 2 版", status: "bounced", reason: "550 5.1.1 user unknown", minutesAgo: 15 },
    { direction: "inbound", mailboxId: me.id, sender: "boss@partner.example.cn", recipient: me.address, subject: "Re: 报价单", status: "delivered", reason: "delivered to the mailbox", minutesAgo: 25 },
    // 60 more: the first page holds 50.
    ...Array.from({ length: 60 }, (_, i) => ({
      direction: "inbound" as const,
      mailboxId: tenant.recipient.id,
      sender: `news${i}@newsletter.example.com`,
      recipient: tenant.recipient.address,
      subject: `行业资讯 第 ${i} 期`,
      status: "delivered" as const,
      reason: "delivered to the mailbox",
      minutesAgo: 60 + i,
    })),
  ]);

  await openMailLog(page, tenant);
  const rows = page.locator(".ant-table-tbody tr.ant-table-row");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("报价单 第 3 版");
  await expect(rows.first()).toContainText(t.status.relayed);
  await page.getByRole("button", { name: t.loadMore }).click();
  await expect(rows).toHaveCount(63);
  await expect(page.getByText(t.end)).toBeVisible();

  // Subject contains, then an exact sender and a status.
  await searchSubject(page, "报价单");
  await expect(rows).toHaveCount(3);
  const form = page.getByRole("form", { name: t.filters.label });
  await pickOption(page, form.getByLabel(t.filters.status), t.status.bounced);
  await form.getByRole("button", { name: t.filters.search }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("550 5.1.1 user unknown");
  await page.screenshot({ path: "test-results/screenshots/mail-log-filtered.png", fullPage: true });

  // A partial address is refused under its field, in the reader's language.
  await form.getByLabel(t.filters.sender).fill("zhang");
  await form.getByRole("button", { name: t.filters.search }).click();
  await expect(page.getByText("完整地址", { exact: false }).first()).toBeVisible();

  // Back to every line: the pages already loaded for that search come from the cache.
  await form.getByRole("button", { name: t.filters.reset }).click();
  await expect(rows.nth(1)).toContainText("报价单 第 2 版");
  await rows.nth(1).getByRole("button", { name: t.details }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: t.drawer.title });
  const history = drawer.getByRole("region", { name: t.drawer.history });
  await expect(history).toContainText(t.status.received);
  await expect(history).toContainText(t.status.queued);
  await expect(history).toContainText(t.status.bounced);
  await expect(history).toContainText("550 5.1.1 user unknown");
  await page.screenshot({ path: "test-results/screenshots/mail-log-drawer.png", fullPage: true });
});
