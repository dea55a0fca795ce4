import { describe, expect, it } from "vitest";
import { batchStatements, recipientDomain } from "./batch-statements";
import { incomingMessage, localTo, recipient } from "./incoming-message-fixture";
import { storedMessagePath } from "./message-path";

const now = new Date("2026-11-26T08:00:00.000Z");
const b1 = { id: "mb-b", tenantId: "t1", address: "b@a.example" };
const b2 = { id: "mb-a", tenantId: "t1", address: "a@a.example" };
const file = (msg: ReturnType<typeof incomingMessage>) => ({ msg, relPath: storedMessagePath(msg.id, msg.receivedAt), sha256: Buffer.alloc(32, msg.id.length) });

describe("batchStatements", () => {
  const list = "team@a.example";
  const m1 = incomingMessage({ receivedAt: now, recipients: [recipient(list, [localTo(b1, list), localTo(b2, list)]), recipient(b1.address, [localTo(b1)])] });
  const m2 = incomingMessage({ receivedAt: now, recipients: [recipient(b1.address, [localTo(b1)], ["x@out.example"], "t1")] });
  const statements = batchStatements([file(m1), file(m2)], now);
  const tables = statements.map((s) => /^(?:UPDATE|INSERT INTO) `(\w+)`/.exec(s.sql)?.[1]);

  it("locks the mailboxes first, then inserts message, copies, outbox, log and the unsynced marks", () => {
    expect(tables).toEqual(["Mailbox", "MailMessage", "StoredMessage", "OutboxItem", "MessageEvent", "UnsyncedMessage"]);
  });

  it("marks every message of the batch unsynced, with its file's checksum", () => {
    const marks = statements[5]!;
    expect(marks.params).toEqual([m1.id, file(m1).sha256, now, m2.id, file(m2).sha256, now]);
  });

  it("adds each mailbox's bytes once per message, in one UPDATE with the ids sorted", () => {
    const update = statements[0]!;
    const size = (m: typeof m1) => m.bytes.length;
    expect(update.params).toEqual(["mb-a", size(m1), "mb-b", size(m1) + size(m2), "mb-a", "mb-b"]);
  });

  it("writes one copy per mailbox and message, and one placeholder per value", () => {
    const stored = statements[2]!;
    expect(stored.params.filter((p) => typeof p === "string" && p.startsWith("mb-"))).toEqual(["mb-b", "mb-a", "mb-b"]);
    for (const s of statements) expect(s.sql.split("?").length - 1).toBe(s.params.length);
  });

  it("leaves out the tables a batch adds nothing to", () => {
    const m = incomingMessage({ receivedAt: now, recipients: [recipient(b1.address, [localTo(b1)])] });
    expect(batchStatements([file(m)], now).map((s) => s.sql.slice(0, 30))).not.toContainEqual(expect.stringContaining("OutboxItem"));
  });

  it("files the outbox row with the relaying tenant and the recipient's domain", () => {
    const outbox = statements[3]!;
    expect(outbox.sql).toContain("`tenantId`,`domain`");
    expect(outbox.params.slice(0, 4)).toEqual([m2.id, "x@out.example", "t1", "out.example"]);
    expect(recipientDomain("Someone@Mail.Example.COM")).toBe("mail.example.com");
  });

  it("holds the copies a quarantine verdict covers instead of storing them, and counts no bytes for them", () => {
    const other = { id: "mb-c", tenantId: "t2", address: "c@c.example" };
    const verdict = { kind: "spam" as const, score: 9.5, reasons: [{ name: "BAYES_SPAM", score: 5.1 }], tenantIds: ["t1"] };
    const m = incomingMessage({ receivedAt: now, recipients: [recipient(b1.address, [localTo(b1)]), recipient(other.address, [localTo(other)])], quarantine: verdict });
    const st = batchStatements([file(m)], now);
    const byTable = new Map(st.map((x) => [/^(?:UPDATE|INSERT INTO) `(\w+)`/.exec(x.sql)?.[1], x]));
    expect(byTable.get("Mailbox")?.params).toEqual(["mb-c", m.bytes.length, "mb-c"]);
    expect(byTable.get("StoredMessage")?.params[0]).toBe("mb-c");
    const held = byTable.get("QuarantineItem")!;
    expect(held.params.slice(0, 9)).toEqual([m.id, "t1", "mb-b", b1.address, m.mailFrom, m.subject, "spam", 9.5, JSON.stringify(verdict.reasons)]);
    // Thirty days (QUARANTINE_DAYS' default) after receipt.
    expect(held.params[11]).toEqual(new Date(now.getTime() + 30 * 24 * 3600 * 1000));
  });
});
