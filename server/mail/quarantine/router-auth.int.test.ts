import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { sessionOfMailbox } from "@/server/auth/sign-in-mailbox";
import { operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { createMailbox, createMailTenant, scratchDataDir, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { closeStorePool } from "@/server/mail/store/store-db";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { describeMatrix, refusal } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { holdMessage } from "./quarantine-test-fixtures";

// quarantine.* × each kind of caller. Every call that names an entry gets a fresh entry of the
// owner's mailbox `user`; another tenant's admin and another mailbox's user name it and must get
// NOT_FOUND (never FORBIDDEN: existence does not leak).
type Who = "anonymous" | "owner" | "other_tenant" | "reseller" | "operator" | "mailbox_user" | "other_mailbox";

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
let owner: MailTenant;
let other: MailTenant;
let box: Awaited<ReturnType<typeof createMailbox>>;
let user: SessionUser;
let colleague: SessionUser;

beforeAll(async () => {
  scratch = await scratchDataDir();
  process.env.RSPAMD_CONTROLLER_URL = "http://127.0.0.1:9";
  process.env.SPAMD_PORT = "9";
  resetEnvCache();
  owner = await createMailTenant({ name: "Owner" });
  other = await createMailTenant({ name: "Other" });
  box = await createMailbox(owner, { localPart: "user" });
  user = sessionOfMailbox(box);
  colleague = sessionOfMailbox(await createMailbox(owner, { localPart: "colleague" }));
});
afterAll(async () => {
  await closeStorePool();
  await scratch.cleanup();
});

const who = (w: Who): SessionUser | null =>
  w === "anonymous"
    ? null
    : { owner: owner.admin, other_tenant: other.admin, reseller: resellerUser, operator: operatorUser, mailbox_user: user, other_mailbox: colleague }[w];
const q = (u: SessionUser | null, locale: "en" | "zh-CN" = "en") => createCaller(makeContext(u, "127.0.0.1", locale)).quarantine;
const fresh = async () => (await holdMessage([box])).idOf(box);
/** A message delivered to `box` (held, then released), for reportSpam. */
const delivered = async () => {
  const held = await holdMessage([box], { subject: "Delivered" });
  await q(owner.admin).release({ id: held.idOf(box) });
  return held.msg.id;
};

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  list: (w) => q(who(w)).list({}),
  preview: async (w) => q(who(w)).preview({ id: await fresh() }),
  release: async (w) => q(who(w)).release({ id: await fresh() }),
  delete: async (w) => q(who(w)).delete({ id: await fresh() }),
  mine: (w) => q(who(w)).mine({}),
  previewMine: async (w) => q(who(w)).previewMine({ id: await fresh() }),
  notSpam: async (w) => q(who(w)).notSpam({ id: await fresh() }),
  deleteMine: async (w) => q(who(w)).deleteMine({ id: await fresh() }),
  reportSpam: async (w) => q(who(w)).reportSpam({ messageId: await delivered() }),
};
const notAdmin = { anonymous: "UNAUTHORIZED", reseller: "FORBIDDEN", operator: "FORBIDDEN", mailbox_user: "FORBIDDEN", other_mailbox: "FORBIDDEN" } as const;
const notUser = { anonymous: "UNAUTHORIZED", owner: "FORBIDDEN", other_tenant: "FORBIDDEN", reseller: "FORBIDDEN", operator: "FORBIDDEN" } as const;

describeMatrix<Who>("quarantine router × callers", calls, {
  list: { ...notAdmin, owner: "ok", other_tenant: "ok" },
  preview: { ...notAdmin, owner: "ok", other_tenant: "NOT_FOUND" },
  release: { ...notAdmin, owner: "ok", other_tenant: "NOT_FOUND" },
  delete: { ...notAdmin, owner: "ok", other_tenant: "NOT_FOUND" },
  mine: { ...notUser, mailbox_user: "ok", other_mailbox: "ok" },
  previewMine: { ...notUser, mailbox_user: "ok", other_mailbox: "NOT_FOUND" },
  notSpam: { ...notUser, mailbox_user: "ok", other_mailbox: "NOT_FOUND" },
  deleteMine: { ...notUser, mailbox_user: "ok", other_mailbox: "NOT_FOUND" },
  reportSpam: { ...notUser, mailbox_user: "ok", other_mailbox: "NOT_FOUND" },
});

describe("what each caller sees", () => {
  it("another tenant's admin and another mailbox's user see none of the entries", async () => {
    const id = await fresh();
    expect((await q(owner.admin).list({})).rows.map((r) => r.id)).toContain(id);
    expect((await q(user).mine({})).rows.map((r) => r.id)).toContain(id);
    expect((await q(other.admin).list({})).rows).toEqual([]);
    expect((await q(colleague).mine({})).rows).toEqual([]);
  });
});

describe("bad input", () => {
  it.each(["", "abc", "0", "-1", "1.5", "9223372036854775808", "99999999999999999999"])("refuses the id %j with a message on its field", async (id) => {
    // Each call starts only when the previous is settled: a call made early would reject unobserved.
    for (const call of [() => q(owner.admin).release({ id }), () => q(owner.admin).preview({ id }), () => q(user).notSpam({ id }), () => q(user).deleteMine({ id })]) {
      const r = await refusal(call());
      expect(r.code).toBe("BAD_REQUEST");
      expect(Object.keys(r.fieldErrors ?? {})).toEqual(["id"]);
    }
  });

  it("refuses an unknown id as NOT_FOUND in the caller's language, writing nothing", async () => {
    // Refusals are logged as failures (the mutation middleware); nothing succeeded.
    const audits = await db.auditEvent.count({ where: { result: "success" } });
    expect(await refusal(q(owner.admin, "zh-CN").release({ id: "987654321" }), "zh-CN")).toEqual({ code: "NOT_FOUND", message: "隔离邮件不存在", fieldErrors: null });
    expect((await refusal(q(owner.admin).delete({ id: "987654321" }))).message).toBe("Quarantined message not found");
    expect(await db.auditEvent.count({ where: { result: "success" } })).toBe(audits);
  });

  it("releasing twice delivers once; a deleted entry can be neither released nor deleted again", async () => {
    const id = await fresh();
    expect(await q(owner.admin).release({ id })).toMatchObject({ released: true });
    expect(await q(user).notSpam({ id })).toEqual({ id, released: false, teach: null });
    expect(await db.storedMessage.count({ where: { mailboxId: box.id, messageId: (await db.quarantineItem.findUniqueOrThrow({ where: { id: BigInt(id) } })).messageId } })).toBe(1);
    const gone = await fresh();
    await q(user).deleteMine({ id: gone });
    expect((await refusal(q(owner.admin).release({ id: gone }))).code).toBe("NOT_FOUND");
    expect((await refusal(q(owner.admin).delete({ id: gone }))).code).toBe("NOT_FOUND");
  });

  it("refuses a malformed message id for reportSpam and a list filter it cannot read", async () => {
    expect((await refusal(q(user).reportSpam({ messageId: "nope" }))).fieldErrors).toEqual({ messageId: ["not a message id"] });
    expect((await refusal(q(owner.admin).list({ kind: "phish" as never }))).fieldErrors).toEqual({ kind: ["expected spam, virus or dmarc"] });
    const r = await refusal(q(owner.admin, "zh-CN").list({ from: "2026-11-20T00:00:00Z", to: "2026-11-01T00:00:00Z" }), "zh-CN");
    expect(r).toEqual({ code: "BAD_REQUEST", message: "部分筛选条件有误", fieldErrors: { to: ["结束日期早于开始日期"] } });
  });
});
