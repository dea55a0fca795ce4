import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Worker } from "bullmq";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { closeMailer } from "@/server/shared/mailer";
import { startSmtpSink, type SmtpSink } from "@/server/test/smtp-sink";
import { tenantWithDomain } from "../self-service/self-service-test-fixtures";
import { startWelcomeLetterWorker } from "@/workers/welcome-letter.worker";
import { queueWelcomeLetters } from "./queue-welcome-letters";
import { sendWelcomeLetter } from "./send-welcome-letter";

// The welcome letter through the real queue, worker, mailer and an SMTP listener.
let sink: SmtpSink;
let worker: Worker;
let t: Awaited<ReturnType<typeof tenantWithDomain>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.PUBLIC_URL = "https://portal.example.test";
  process.env.PLATFORM_DOMAIN = "mailstead.net";
  resetEnvCache();
  t = await tenantWithDomain("星河贸易");
  worker = startWelcomeLetterWorker();
  await worker.waitUntilReady();
});
afterEach(async () => {
  sink.messages.length = 0;
  await db.welcomeTemplate.deleteMany();
});
afterAll(async () => {
  await worker.close();
  closeMailer();
  await sink.close();
});

const sentAt = async (id: string) => (await db.mailbox.findUniqueOrThrow({ where: { id } })).welcomeSentAt;
const settle = () => new Promise((r) => setTimeout(r, 300));

describe("sendWelcomeLetter", () => {
  it("sends the default Chinese letter through the queue, placeholders filled, and records it", async () => {
    const m = await t.mailbox("wang.fang");
    await queueWelcomeLetters([m.row.id]);
    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toEqual([m.address]);
    expect(mail!.subject).toBe("欢迎使用 星河贸易 企业邮箱");
    expect(mail!.text).toContain(`User wang.fang，您好！`);
    expect(mail!.text).toContain(`已为您开通企业邮箱：${m.address}`);
    expect(mail!.text).toContain("网页邮箱：https://webmail.mailstead.net");
    expect(mail!.text).toContain("收信服务器 POP3：pop.mailstead.net");
    expect(mail!.text).toContain("发信服务器 SMTP：smtp.mailstead.net");
    expect(mail!.text).toContain("https://portal.example.test/signin?as=mailbox");
    expect(mail!.text).not.toMatch(/\{\{/);
    await expect.poll(() => sentAt(m.row.id)).not.toBeNull();
  });

  it("sends nothing twice: a retried job, a re-queued one and a direct re-run", async () => {
    const m = await t.mailbox("li.wei");
    expect(await sendWelcomeLetter(m.row.id)).toBe("sent");
    const first = await sentAt(m.row.id);
    expect(await sendWelcomeLetter(m.row.id)).toBe("already_sent");
    await queueWelcomeLetters([m.row.id]);
    await settle();
    expect(sink.messages).toHaveLength(1);
    expect(await sentAt(m.row.id)).toEqual(first);
  });

  it("uses the tenant's own template", async () => {
    await db.welcomeTemplate.create({ data: { tenantId: t.tenant.id, subject: "Hi {{displayName}}", body: "Your address: {{address}}\nIMAP {{imapHost}}" } });
    const m = await t.mailbox("chen.jing");
    expect(await sendWelcomeLetter(m.row.id)).toBe("sent");
    expect(sink.messages[0]).toMatchObject({ subject: "Hi User chen.jing", text: `Your address: ${m.address}\nIMAP imap.mailstead.net` });
  });

  it("sends nothing while the template is switched off, and leaves the mailbox unmarked", async () => {
    await db.welcomeTemplate.create({ data: { tenantId: t.tenant.id, enabled: false, subject: "s", body: "b" } });
    const m = await t.mailbox("off");
    expect(await sendWelcomeLetter(m.row.id)).toBe("template_disabled");
    await queueWelcomeLetters([m.row.id]);
    await settle();
    expect(sink.messages).toHaveLength(0);
    expect(await sentAt(m.row.id)).toBeNull();
  });

  it("ends quietly for a deleted or disabled mailbox, or a terminated tenant", async () => {
    expect(await sendWelcomeLetter("no-such-mailbox")).toBe("mailbox_gone");
    const disabled = await t.mailbox("disabled", { status: "disabled" });
    expect(await sendWelcomeLetter(disabled.row.id)).toBe("mailbox_disabled");
    const frozen = await tenantWithDomain("Frozen");
    const m = await frozen.mailbox("frozen");
    await db.tenant.update({ where: { id: frozen.tenant.id }, data: { status: "frozen" } });
    expect(await sendWelcomeLetter(m.row.id)).toBe("tenant_frozen");
    expect(sink.messages).toHaveLength(0);
  });

  it("leaves the mailbox unmarked when the mail server refuses, so a retry sends it", async () => {
    const refusing = await startSmtpSink({ refuse: { code: 451, message: "4.3.0 try later" } });
    process.env.SMTP_URL = refusing.url;
    resetEnvCache();
    const m = await t.mailbox("later");
    try {
      await expect(sendWelcomeLetter(m.row.id)).rejects.toMatchObject({ name: "MailerError", permanent: false });
      expect(await sentAt(m.row.id)).toBeNull();
    } finally {
      closeMailer(); // the pool keeps its connection open, and the listener waits for it to close
      process.env.SMTP_URL = sink.url;
      resetEnvCache();
      await refusing.close();
    }
    expect(await sendWelcomeLetter(m.row.id)).toBe("sent");
    expect(sink.messages).toHaveLength(1);
  });
});
