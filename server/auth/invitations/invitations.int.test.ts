import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorUser } from "@/server/billing/billing-test-fixtures";
import { signIn } from "@/server/auth/sign-in";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import type { SmtpSink } from "@/server/test/smtp-sink";
import { accountWriteCounts, apiAs, mailSink, newReseller, tokenFromMail } from "@/server/resellers/ops/reseller-test-fixtures";
import { createInvitation } from "./create-invitation";

let sink: SmtpSink;
const api = apiAs(null).invitations;
const PASSWORD = "Spring#2026x";

beforeAll(async () => {
  sink = await mailSink();
});
afterAll(() => sink.close());

/** A reseller whose first staff account is invited; its token read from the e-mail. */
async function invited() {
  const created = await apiAs(operatorUser).resellers.ops.create(newReseller());
  const email = created.staff.user.email;
  await sink.waitFor(sink.messages.filter((m) => m.to.includes(email)).length || sink.messages.length + 1);
  return { email, userId: created.staff.user.id, organisation: created.reseller.name, token: tokenFromMail(sink, email) };
}

describe("invitations", () => {
  it("shows whose account a link opens, sets the password once, ends the other links, and the account signs in", async () => {
    const inv = await invited();
    expect(await api.check({ token: inv.token })).toMatchObject({ email: inv.email, name: "李娜", organisation: inv.organisation, expired: false });
    const other = await createInvitation(db, { userId: inv.userId });
    expect(await api.accept({ token: inv.token, password: PASSWORD, confirm: PASSWORD })).toEqual({ email: inv.email });
    const user = await db.user.findUniqueOrThrow({ where: { id: inv.userId } });
    expect(user.status).toBe("active");
    expect(user.passwordChangedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "invitation.accept", actorId: inv.userId, targetId: inv.userId } })).toBe(1);
    expect(await signIn({ email: inv.email, password: PASSWORD }, { ip: null, userAgent: null })).toMatchObject({ ok: true, user: { id: inv.userId, role: "reseller" } });

    // Used once: the same link again, and the other link, are refused.
    for (const token of [inv.token, other.token]) {
      expect(await refusal(api.accept({ token, password: PASSWORD, confirm: PASSWORD }))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/already used/) });
      expect(await refusal(api.check({ token }))).toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("refuses a wrong or malformed token", async () => {
    expect(await refusal(api.check({ token: "x".repeat(43) }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(api.accept({ token: "y".repeat(43), password: PASSWORD, confirm: PASSWORD }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(api.check({ token: "<script>" }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("says an expired link has expired, and when", async () => {
    const inv = await invited();
    const restore = setClock(new Date(Date.now() + 8 * 86_400_000));
    try {
      expect(await api.check({ token: inv.token })).toMatchObject({ expired: true });
      const before = await accountWriteCounts();
      const r = await refusal(api.accept({ token: inv.token, password: PASSWORD, confirm: PASSWORD }));
      expect(r).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/This invitation expired on .+ ask whoever invited you to send a new one/) });
      expect((await refusal(api.accept({ token: inv.token, password: PASSWORD, confirm: PASSWORD }), "zh-CN")).message).toMatch(/已于 .+（北京时间）过期/);
      expect(await accountWriteCounts()).toEqual(before);
    } finally {
      restore();
    }
  });

  it.each([
    ["too short", "Ab1#", "password", /Length: use at least 8/],
    ["too simple", "abcdefghij", "password", /Character types: mix at least 3/],
    ["with three consecutive digits", "Spring#789", "password", /no three consecutive digits/],
    ["containing the e-mail's name", "", "password", /must not contain the account name/],
    ["not confirmed", "Spring#2026y", "confirm", /not the same/],
  ])("refuses a password %s under its field, changing nothing", async (_what, password, field, message) => {
    const inv = await invited();
    const chosen = password || `${inv.email.split("@")[0]}#A1`;
    const before = await accountWriteCounts();
    const r = await refusal(api.accept({ token: inv.token, password: chosen, confirm: field === "confirm" ? PASSWORD : chosen }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.[field]?.join(" ")).toMatch(message);
    expect(await accountWriteCounts()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: inv.userId } })).status).toBe("invited");
  });
});
