import { describe, expect, it } from "vitest";
import * as r from "./refusals";

// The table in refusals.ts, checked: each situation's reply code and RFC 3463 enhanced code.
const cases: [string, ReturnType<typeof r.unknownUser>, number, string][] = [
  ["bad recipient syntax", r.badRecipientSyntax("a@", "why"), 501, "5.1.3"],
  ["bad sender syntax", r.badSenderSyntax("a@", "why"), 501, "5.1.7"],
  ["unknown user", r.unknownUser("a@example.com"), 550, "5.1.1"],
  ["domain not ready", r.domainNotReady("example.com"), 550, "5.1.2"],
  ["relaying denied", r.relayingDenied("a@other.example"), 550, "5.7.1"],
  ["mailbox disabled", r.mailboxDisabled("a@example.com"), 550, "5.2.1"],
  ["tenant suspended", r.tenantSuspended("a@example.com"), 550, "5.2.1"],
  ["mailbox full", r.mailboxFull("a@example.com", 1024), 552, "5.2.2"],
  ["message too big", r.messageTooBig("a@example.com", 2, 1), 552, "5.3.4"],
  ["list refuses sender", r.listRefusesSender("Only members"), 550, "5.7.1"],
  ["authentication required", r.authenticationRequired(), 530, "5.7.0"],
  ["null sender on submission", r.nullSenderOnSubmission("a@example.com"), 553, "5.7.1"],
  ["sender not owned", r.senderNotOwned("b@example.com", "a@example.com"), 553, "5.7.1"],
  ["daily limit", r.dailyLimitReached(1000, "a@example.com"), 550, "5.7.1"],
  ["sending suspended", r.sendingSuspended("a@example.com"), 550, "5.7.1"],
  ["lookup failed", r.lookupFailed(), 451, "4.3.0"],
];

describe("the refusal table", () => {
  it.each(cases)("%s", (_name, refusal, code, enhanced) => {
    expect(refusal.code).toBe(code);
    expect(refusal.enhanced).toBe(enhanced);
    // The class digit of the enhanced code matches the reply (4xx ↔ 4.x.x, 5xx ↔ 5.x.x).
    expect(refusal.enhanced[0]).toBe(String(code)[0]);
    expect(refusal.text).toMatch(/^[\x20-\x7e]+$/);
  });

  it("names the limit and the address when the daily limit is reached", () => {
    expect(r.dailyLimitReached(1000, "a@example.com").text).toBe("Daily sending limit of 1000 messages reached for a@example.com; try again tomorrow");
  });

  it("keeps what the client typed ASCII and short", () => {
    expect(r.badRecipientSyntax("张@", "why").text).toBe("Bad recipient address syntax <?@>: why");
    expect(r.printable("x".repeat(300))).toHaveLength(103);
  });
});
