import { describe, expect, it } from "vitest";
import { deliveryLogLines } from "./delivery-log-lines";
import { accountOf, incomingMessage, localTo, recipient } from "./incoming-message-fixture";

const at = new Date("2026-11-26T08:00:00.000Z");
const alice = { id: "mb-alice", tenantId: "t1", address: "alice@a.example" };
const bob = { id: "mb-bob", tenantId: "t1", address: "bob@a.example" };
const carol = { id: "mb-carol", tenantId: "t2", address: "carol@b.example" };

describe("deliveryLogLines", () => {
  it("an outside sender's message has one inbound line per mailbox, in that mailbox's tenant", () => {
    const msg = incomingMessage({ receivedAt: at, subject: "Hi", recipients: [recipient(bob.address, [localTo(bob)]), recipient(carol.address, [localTo(carol)])] });
    const lines = deliveryLogLines(msg);
    expect(lines.map((l) => [l.direction, l.tenantId, l.mailboxId, l.recipient, l.status, l.reason])).toEqual([
      ["inbound", "t1", "mb-bob", "bob@a.example", "delivered", "delivered to the mailbox"],
      ["inbound", "t2", "mb-carol", "carol@b.example", "delivered", "delivered to the mailbox"],
    ]);
    expect(lines[0]).toMatchObject({ messageId: msg.id, sender: "someone@outside.example", subject: "Hi", receivedAt: at, updatedAt: at });
    expect(lines[0]?.history).toEqual([
      { status: "received", at: at.toISOString() },
      { status: "delivered", at: at.toISOString(), reason: "delivered to the mailbox" },
    ]);
  });

  it("a submitted message has an outbound line per envelope recipient and an inbound line per mailbox", () => {
    const list = "team@a.example";
    const msg = incomingMessage({
      receivedAt: at,
      mailFrom: alice.address,
      sender: accountOf(alice),
      listener: "submission",
      recipients: [
        recipient(list, [localTo(bob, list, "L1"), localTo(carol, list, "L1"), localTo(alice, list, "L1")]),
        recipient(bob.address, [localTo(bob)]),
        recipient("x@outside.example", [], ["x@outside.example"], "t1"),
        recipient("mixed@a.example", [localTo(carol, "mixed@a.example", "L2")], ["y@outside.example", "Y@outside.example"], "t1"),
      ],
    });
    const lines = deliveryLogLines(msg);
    const outbound = lines.filter((l) => l.direction === "outbound");
    expect(outbound.map((l) => [l.tenantId, l.mailboxId, l.recipient, l.status, l.reason])).toEqual([
      ["t1", "mb-alice", list, "delivered", "delivered to 3 mailboxes"],
      ["t1", "mb-alice", "bob@a.example", "delivered", "delivered to 1 mailbox"],
      ["t1", "mb-alice", "x@outside.example", "queued", "1 copy queued for the relay"],
      ["t1", "mb-alice", "mixed@a.example", "queued", "delivered to 1 mailbox, 1 copy queued for the relay"],
    ]);
    // Bob was reached twice (the list and directly) but has one copy, so one inbound line.
    const inbound = lines.filter((l) => l.direction === "inbound");
    expect(inbound.map((l) => [l.tenantId, l.mailboxId, l.recipient, l.reason])).toEqual([
      ["t1", "mb-bob", "bob@a.example", `delivered to the mailbox (via ${list})`],
      ["t2", "mb-carol", "carol@b.example", `delivered to the mailbox (via ${list})`],
      ["t1", "mb-alice", "alice@a.example", `delivered to the mailbox (via ${list})`],
    ]);
    expect(outbound[2]?.history[1]).toEqual({ status: "queued", at: at.toISOString(), reason: "1 copy queued for the relay" });
  });

  it("a list that sends outside mail on to outside members logs the relay in the list's tenant", () => {
    const msg = incomingMessage({ receivedAt: at, recipients: [recipient("team@a.example", [localTo(bob, "team@a.example")], ["z@outside.example"], "t1")] });
    expect(deliveryLogLines(msg).map((l) => [l.direction, l.tenantId, l.mailboxId, l.recipient, l.status])).toEqual([
      ["outbound", "t1", null, "z@outside.example", "queued"],
      ["inbound", "t1", "mb-bob", "bob@a.example", "delivered"],
    ]);
  });

  it("cuts the subject and sender to the column sizes without splitting a character", () => {
    const msg = incomingMessage({ receivedAt: at, subject: "😀".repeat(300), mailFrom: `${"a".repeat(300)}@x.example`, recipients: [recipient(bob.address, [localTo(bob)])] });
    const [line] = deliveryLogLines(msg);
    expect(Array.from(line?.subject ?? "")).toHaveLength(255);
    expect(line?.subject.endsWith("😀")).toBe(true);
    expect(line?.sender).toHaveLength(254);
  });

  it("the null sender is logged as empty", () => {
    const msg = incomingMessage({ receivedAt: at, mailFrom: "", recipients: [recipient(bob.address, [localTo(bob)])] });
    expect(deliveryLogLines(msg)[0]?.sender).toBe("");
  });

  it("a copy held in quarantine has a quarantined inbound line naming the verdict; the sender's line says so", () => {
    const verdict = { kind: "spam" as const, score: 9.25, reasons: [{ name: "BAYES_SPAM" }, { name: "R_PARTS_DIFFER" }, { name: "MIME_HTML_ONLY" }, { name: "FORGED_SENDER" }], tenantIds: ["t2"] };
    const msg = incomingMessage({
      receivedAt: at,
      mailFrom: alice.address,
      sender: accountOf(alice),
      listener: "submission",
      recipients: [recipient(bob.address, [localTo(bob)]), recipient(carol.address, [localTo(carol)])],
      quarantine: verdict,
    });
    const lines = deliveryLogLines(msg);
    expect(lines.map((l) => [l.direction, l.mailboxId, l.status, l.reason])).toEqual([
      ["outbound", "mb-alice", "delivered", "delivered to 1 mailbox"],
      ["outbound", "mb-alice", "quarantined", "held in quarantine for 1 mailbox"],
      ["inbound", "mb-bob", "delivered", "delivered to the mailbox"],
      ["inbound", "mb-carol", "quarantined", "quarantined as spam (score 9.25): BAYES_SPAM, R_PARTS_DIFFER, MIME_HTML_ONLY, …"],
    ]);
  });

  it("a virus or DMARC verdict held for every tenant", () => {
    const msg = (kind: "virus" | "dmarc", name: string) =>
      incomingMessage({ receivedAt: at, recipients: [recipient(bob.address, [localTo(bob)])], quarantine: { kind, score: null, reasons: [{ name }], tenantIds: null } });
    expect(deliveryLogLines(msg("virus", "Eicar-Signature"))[0]?.reason).toBe("quarantined: virus found: Eicar-Signature");
    expect(deliveryLogLines(msg("dmarc", "dmarc=fail (p=quarantine)"))[0]?.reason).toBe("quarantined by the sender domain's DMARC policy: dmarc=fail (p=quarantine)");
  });
});
