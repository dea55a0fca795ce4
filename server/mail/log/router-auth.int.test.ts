import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { sessionOfMailbox } from "@/server/auth/sign-in-mailbox";
import { operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { clock } from "@/server/shared/clock";
import { describeMatrix, refusal } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { createMailbox, createMailTenant, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { insertLines, minutesAgo } from "./mail-log-test-fixtures";

// mailLog.search and mailLog.mine × each kind of caller. Neither takes a tenant or mailbox id:
// the session is the only scope, so the question is what each caller sees, not what they may name.
type Who = "anonymous" | "owner" | "other_tenant" | "reseller" | "operator" | "mailbox_user";

let owner: MailTenant;
let other: MailTenant;
let user: SessionUser;
let colleague: SessionUser;
let secret: { messageId: string; subject: string; sender: string };

const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { owner: owner.admin, other_tenant: other.admin, reseller: resellerUser, operator: operatorUser, mailbox_user: user }[w];
const mailLog = (u: SessionUser | null, locale: "en" | "zh-CN" = "en") => createCaller(makeContext(u, "127.0.0.1", locale)).mailLog;

beforeAll(async () => {
  owner = await createMailTenant({ name: "Owner" });
  other = await createMailTenant({ name: "Other" });
  const mailbox = await createMailbox(owner, { localPart: "user" });
  const colleagueBox = await createMailbox(owner, { localPart: "colleague" });
  user = sessionOfMailbox(mailbox);
  colleague = sessionOfMailbox(colleagueBox);
  const now = clock.now();
  const [line] = await insertLines([
    { tenantId: owner.tenant.id, mailboxId: colleagueBox.id, sender: colleagueBox.address, recipient: "ceo@partner.example", subject: "机密：并购条款", receivedAt: minutesAgo(now, 3) },
    { tenantId: owner.tenant.id, mailboxId: mailbox.id, sender: mailbox.address, subject: "我的周报", receivedAt: minutesAgo(now, 2) },
    { tenantId: owner.tenant.id, mailboxId: mailbox.id, direction: "inbound", sender: "boss@partner.example", recipient: mailbox.address, subject: "回复：我的周报", receivedAt: minutesAgo(now, 1) },
  ]);
  secret = line!;
});

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  search: (w) => mailLog(who(w)).search({}),
  mine: (w) => mailLog(who(w)).mine({}),
};
const denied = { anonymous: "UNAUTHORIZED", reseller: "FORBIDDEN", operator: "FORBIDDEN" } as const;

describeMatrix<Who>("mailLog router × callers", calls, {
  search: { ...denied, owner: "ok", other_tenant: "ok", mailbox_user: "FORBIDDEN" },
  mine: { ...denied, owner: "FORBIDDEN", other_tenant: "FORBIDDEN", mailbox_user: "ok" },
});

describe("what each caller sees", () => {
  it("the owner's admin finds the message", async () => {
    const rows = (await mailLog(owner.admin).search({ subject: "并购" })).rows;
    expect(rows.map((r) => r.messageId)).toEqual([secret.messageId]);
  });

  it("another tenant's admin cannot see it: not by subject, sender, status, nor with the owner's cursor", async () => {
    const theirs = mailLog(other.admin);
    const ownerPage = await mailLog(owner.admin).search({});
    for (const input of [{}, { subject: "并购" }, { sender: secret.sender }, { status: "delivered" as const }, { cursor: ownerPage.rows[0]!.key }]) {
      expect((await theirs.search(input)).rows).toEqual([]);
    }
  });

  it("a mailbox user sees their own lines, sent and received, and not a colleague's", async () => {
    const mine = (await mailLog(user).mine({})).rows;
    expect(mine.map((r) => r.subject)).toEqual(["回复：我的周报", "我的周报"]);
    expect((await mailLog(user).mine({ subject: "并购" })).rows).toEqual([]);
    expect((await mailLog(colleague).mine({})).rows.map((r) => r.messageId)).toEqual([secret.messageId]);
  });
});

describe("bad input", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ["bad dates", { from: "yesterday" }, "from", "expected an ISO 8601 date-time such as 2026-01-31T16:00:00Z"],
    ["a range over 30 days", { from: "2026-10-01T00:00:00Z", to: "2026-11-15T00:00:00Z" }, "to", "the date range may cover at most 30 days"],
    ["from after to", { from: "2026-11-15T00:00:00Z", to: "2026-11-01T00:00:00Z" }, "to", "the end of the date range is before its start"],
    ["a too-long subject", { subject: "x".repeat(300) }, "subject", "at most 255 characters"],
    ["a bad cursor", { cursor: "page-2" }, "cursor", "not a cursor this search returned; start again from the first page"],
  ])("refuses %s with a message on its field", async (_name, input, field, message) => {
    // Each call starts only when the previous is settled: a call made early would reject unobserved.
    for (const call of [() => mailLog(owner.admin).search(input as never), () => mailLog(user).mine(input as never)]) {
      const r = await refusal(call());
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors).toEqual({ [field]: [message] });
    }
  });

  it("words its own refusals in the caller's language", async () => {
    const r = await refusal(mailLog(owner.admin, "zh-CN").search({ sender: "zhang" }), "zh-CN");
    expect(r).toEqual({ code: "BAD_REQUEST", message: "部分搜索条件有误", fieldErrors: { sender: ["请输入完整地址，如 zhang@example.com（按完整地址精确匹配）"] } });
  });
});
