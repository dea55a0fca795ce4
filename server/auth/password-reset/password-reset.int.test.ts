import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueAccountToken } from "@/server/auth/invitations/create-invitation";
import { verifyPassword } from "@/server/auth/password";
import { signIn } from "@/server/auth/sign-in";
import { callerAs, liveSessions, openSession, passwordWriteCounts, portalAccount } from "@/server/auth/passwords/password-test-fixtures";
import { mailSink } from "@/server/resellers/ops/reseller-test-fixtures";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import type { SmtpSink } from "@/server/test/smtp-sink";
import { refusal } from "@/server/test/authz";
import { closeResetRate } from "./reset-rate-limit";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await mailSink();
});
afterAll(async () => {
  await closeResetRate();
  await sink.close();
});

let ipSeq = 0;
/** A source address of its own per test, so the per-IP rate limit of one test does not reach another. */
const api = () => callerAs(null, `198.51.100.${(ipSeq += 1)}`).passwordReset;
const NEW_PASSWORD = "Seashore#47";

async function mailTo(email: string) {
  const before = sink.messages.length;
  const mails = await sink.waitFor(before + 1);
  const mail = [...mails].reverse().find((m) => m.to.includes(email));
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}
const tokenIn = (text: string) => text.match(/\/reset-password\/([\w-]+)/)![1]!;

async function refusedWritingNothing(call: () => Promise<unknown>, locale: "en" | "zh-CN" = "en") {
  const before = await passwordWriteCounts();
  const r = await refusal(call(), locale);
  expect(await passwordWriteCounts()).toEqual(before);
  return r;
}

describe("password reset by e-mail", () => {
  it("e-mails a link; the link sets a new password once, ends every session and an active lock, and is logged", async () => {
    const { user, sessionId } = await portalAccount("tenant_admin");
    const other = await openSession("user", user.id);
    const now = new Date();
    await db.accountLock.create({ data: { accountKind: "user", accountId: user.id, tenantId: user.tenantId, failures: 5, lockedAt: now, lockedUntil: new Date(now.getTime() + 1_800_000) } });

    const pending = mailTo(user.email);
    expect(await api().request({ email: user.email.toUpperCase() })).toEqual({ accepted: true });
    const mail = await pending;
    expect(mail.subject).toBe("重置您的 Mailstead 密码 / Reset your Mailstead password");
    expect(mail.text).toContain("https://mail.example.test/reset-password/");
    const token = tokenIn(mail.text);
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId: user.id, purpose: "reset" } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(30 * 60_000);

    expect(await api().check({ token })).toMatchObject({ email: user.email, expiresAt: stored.expiresAt, rule: { policy: { passwordMinLength: 8 }, accountName: user.email } });
    expect(await api().complete({ token, password: NEW_PASSWORD })).toEqual({ email: user.email });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await liveSessions("user", user.id)).toEqual([]);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedReason).toBe("password_reset");
    expect((await db.authSession.findUniqueOrThrow({ where: { id: other } })).revokedAt).not.toBeNull();
    expect((await db.accountLock.findFirstOrThrow({ where: { accountId: user.id } })).unlockedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "password_reset.request", targetId: user.id, result: "success" } })).toBe(1);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "password_reset.complete", targetId: user.id } })).toMatchObject({ actorId: user.id, details: { sessionsRevoked: 2, locksEnded: 1 } });
    expect(await signIn({ email: user.email, password: NEW_PASSWORD }, { ip: "198.51.100.200", userAgent: null })).toMatchObject({ ok: true });

    // Single use: the same link again is refused, and says so.
    const used = await refusedWritingNothing(() => api().complete({ token, password: "Another#Pass5" }));
    expect(used).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/already used or replaced/) });
    expect(await refusal(api().check({ token }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers alike for an unknown address, an invited account and a disabled one, and sends nothing", async () => {
    const invited = await portalAccount("operator");
    await db.user.update({ where: { id: invited.user.id }, data: { status: "invited" } });
    const disabled = await portalAccount("reseller");
    await db.user.update({ where: { id: disabled.user.id }, data: { status: "disabled" } });
    const sent = sink.messages.length;
    for (const email of ["nobody@example.test", invited.user.email, disabled.user.email]) {
      expect(await api().request({ email })).toEqual({ accepted: true });
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.length).toBe(sent);
    expect(await db.accountToken.count({ where: { purpose: "reset", userId: { in: [invited.user.id, disabled.user.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "password_reset.request", result: "failure", actorEmail: "nobody@example.test" } })).toBe(1);
  });

  it("replaces an older unused link with the new one", async () => {
    const { user } = await portalAccount("operator");
    const first = await issueAccountToken(db, { userId: user.id, purpose: "reset", validMs: 1_800_000 });
    const pending = mailTo(user.email);
    await api().request({ email: user.email });
    const second = tokenIn((await pending).text);
    expect(await refusal(api().check({ token: first.token }))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/replaced by a newer one/) });
    expect(await api().check({ token: second })).toMatchObject({ email: user.email });
  });

  it("says an expired link expired, and when, in both languages, writing nothing", async () => {
    const { user } = await portalAccount("operator");
    const { token } = await issueAccountToken(db, { userId: user.id, purpose: "reset", validMs: 30 * 60_000 });
    const restore = setClock(new Date(Date.now() + 31 * 60_000));
    try {
      expect(await refusal(api().check({ token }))).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/^This password reset link expired on .+ \(Beijing time\): ask for a new one$/) });
      expect((await refusedWritingNothing(() => api().complete({ token, password: NEW_PASSWORD }), "zh-CN")).message).toMatch(/已于 .+（北京时间）过期/);
    } finally {
      restore();
    }
  });

  it("refuses unknown, malformed and invitation tokens", async () => {
    const { user } = await portalAccount("operator");
    const invitation = await issueAccountToken(db, { userId: user.id, purpose: "invite", validMs: 1_800_000 });
    for (const token of ["x".repeat(43), invitation.token]) {
      expect(await refusedWritingNothing(() => api().complete({ token, password: NEW_PASSWORD }))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/not valid/) });
    }
    expect(await refusal(api().check({ token: "<script>" }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { token: expect.arrayContaining(["The password reset link is not valid"]) } });
    expect(await refusal(api().request({ email: "not an address" }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { email: [expect.stringMatching(/Enter an e-mail address/)] } });
  });

  it("refuses a weak or reused password under its field, and the link still works after", async () => {
    const { user } = await portalAccount("tenant_admin");
    const { token } = await issueAccountToken(db, { userId: user.id, purpose: "reset", validMs: 1_800_000 });
    for (const [password, text] of [
      ["Spring#123x", "Digits: no three consecutive digits"],
      ["Harbour#2026", "History: must not be one of your last 5 passwords"],
      ["", "Enter a new password"],
    ] as const) {
      const r = await refusedWritingNothing(() => api().complete({ token, password }));
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors?.password?.[0]).toContain(text);
    }
    expect(await api().complete({ token, password: NEW_PASSWORD })).toEqual({ email: user.email });
  });

  it("limits requests per source address and per e-mail address (5 an hour)", async () => {
    const { user } = await portalAccount("operator");
    const oneIp = callerAs(null, "203.0.113.9").passwordReset;
    for (let i = 0; i < 5; i++) await oneIp.request({ email: `someone${i}@example.test` });
    const r = await refusal(oneIp.request({ email: user.email }));
    expect(r).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^Too many password reset requests/) });
    expect((await refusal(oneIp.request({ email: user.email }), "zh-CN")).message).toMatch(/重置密码请求过于频繁/);

    for (let i = 0; i < 5; i++) await api().request({ email: "target@example.test" });
    expect(await refusal(api().request({ email: "target@example.test" }))).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await db.accountToken.count({ where: { userId: user.id, purpose: "reset" } })).toBe(0);
  });
});
