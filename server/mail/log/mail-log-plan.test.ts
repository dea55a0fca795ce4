import { describe, expect, it } from "vitest";
import { planMailLogQuery } from "./mail-log-plan";

const admin = { tenantId: "t1" };
const user = { tenantId: "t1", mailboxId: "m1" };

describe("planMailLogQuery", () => {
  it.each<[string, typeof admin, Parameters<typeof planMailLogQuery>[1], ReturnType<typeof planMailLogQuery>]>([
    ["no filter", admin, {}, { index: "time", residual: [] }],
    ["sender", admin, { sender: "a@b.cn" }, { index: "sender", residual: [] }],
    ["recipient", admin, { recipient: "a@b.cn" }, { index: "recipient", residual: [] }],
    ["status", admin, { status: "bounced" }, { index: "status", residual: [] }],
    ["direction", admin, { direction: "inbound" }, { index: "time", residual: ["direction"] }],
    ["subject", admin, { subject: "x" }, { index: "time", residual: ["subject"] }],
    ["sender beats recipient and status", admin, { sender: "a@b.cn", recipient: "c@d.cn", status: "queued" }, { index: "sender", residual: ["recipient", "status"] }],
    ["recipient beats status", admin, { recipient: "c@d.cn", status: "queued", subject: "x" }, { index: "recipient", residual: ["status", "subject"] }],
    ["a mailbox user's own lines", user, {}, { index: "mailbox", residual: [] }],
    ["a mailbox user's filters are all residual", user, { sender: "a@b.cn", direction: "outbound" }, { index: "mailbox", residual: ["sender", "direction"] }],
  ])("%s", (_name, scope, filters, plan) => {
    expect(planMailLogQuery(scope, filters)).toEqual(plan);
  });
});
