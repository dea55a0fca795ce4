import { describe, expect, it } from "vitest";
import { Pop3Session, type DropMessage, type Pop3Action } from "./pop3-session";

const drop: DropMessage[] = [
  { uid: 11n, size: 120, path: "a.eml" },
  { uid: 12n, size: 200, path: "b.eml" },
  { uid: 40n, size: 5, path: "c.eml" },
];

const plain = () => new Pop3Session({ hostname: "mx.test", tls: false, startTlsAvailable: true });
const secure = () => new Pop3Session({ hostname: "mx.test", tls: true, startTlsAvailable: false });

/** A session logged in to `drop` over TLS. */
function loggedIn(): Pop3Session {
  const s = secure();
  s.handleLine("USER ann@a.example");
  s.handleLine("PASS secret");
  s.loginFinished({ ok: true, mailboxId: "mb-1", address: "ann@a.example", maildrop: drop });
  return s;
}

const reply = (s: Pop3Session, line: string) => s.handleLine(line).reply ?? "";

describe("Pop3Session: authorization", () => {
  it("greets with the host name", () => {
    expect(plain().greeting()).toBe("+OK mx.test POP3 server ready\r\n");
  });

  it("advertises STLS and no login mechanism before TLS, USER and SASL PLAIN after", () => {
    const before = reply(plain(), "CAPA");
    expect(before).toMatch(/^\+OK .*\r\nTOP\r\nUIDL\r\nSTLS\r\nRESP-CODES\r\nAUTH-RESP-CODE\r\nPIPELINING\r\nEXPIRE NEVER\r\nIMPLEMENTATION Mailstead\r\n\.\r\n$/);
    expect(before).not.toMatch(/USER|SASL/);
    const s = plain();
    expect(s.handleLine("STLS")).toEqual({ reply: "+OK begin TLS negotiation\r\n", action: { kind: "starttls" } });
    s.tlsStarted();
    const after = reply(s, "capa");
    expect(after).toContain("\r\nUSER\r\nSASL PLAIN\r\n");
    expect(after).not.toContain("STLS");
  });

  it("refuses USER, PASS and AUTH in plaintext with [AUTH], before the password is sent", () => {
    const s = plain();
    expect(reply(s, "USER ann@a.example")).toBe("-ERR [AUTH] plaintext login is refused: send STLS first\r\n");
    expect(s.handleLine("PASS secret")).toEqual({ reply: "-ERR [AUTH] plaintext login is refused: send STLS first\r\n" });
    expect(reply(s, "AUTH PLAIN AGFubgBwdw==")).toMatch(/^-ERR \[AUTH\] plaintext/);
  });

  it("refuses STLS over TLS, with arguments, or twice", () => {
    expect(reply(secure(), "STLS")).toBe("-ERR TLS is already active\r\n");
    expect(reply(plain(), "STLS now")).toBe("-ERR STLS takes no arguments\r\n");
    const s = plain();
    s.handleLine("STLS");
    s.tlsStarted();
    expect(reply(s, "STLS")).toBe("-ERR TLS is already active\r\n");
  });

  it("forgets a USER given before STLS", () => {
    const s = secure();
    s.handleLine("USER ann@a.example");
    s.tlsStarted();
    expect(reply(s, "PASS secret")).toBe("-ERR send USER first\r\n");
  });

  it("USER then PASS asks for a login with the rest of the line as the password", () => {
    const s = secure();
    expect(reply(s, "user ann@a.example")).toBe("+OK send PASS\r\n");
    expect(s.handleLine("PASS pass with spaces ")).toEqual({ action: { kind: "login", username: "ann@a.example", password: "pass with spaces " } });
    // USER is used up by one PASS.
    expect(reply(s, "PASS again")).toBe("-ERR send USER first\r\n");
  });

  it("checks USER and PASS arguments", () => {
    const s = secure();
    expect(reply(s, "USER")).toBe("-ERR USER takes one argument: the mailbox address\r\n");
    expect(reply(s, "USER a b")).toBe("-ERR USER takes one argument: the mailbox address\r\n");
    s.handleLine("USER a@b.c");
    expect(reply(s, "PASS")).toBe("-ERR PASS needs the password\r\n");
  });

  it("AUTH PLAIN with an initial response, or after a continuation; * cancels", () => {
    const creds = Buffer.from("\0ann@a.example\0pw").toString("base64");
    expect(secure().handleLine(`AUTH PLAIN ${creds}`).action).toEqual({ kind: "login", username: "ann@a.example", password: "pw" });
    const s = secure();
    expect(reply(s, "AUTH PLAIN")).toBe("+ \r\n");
    expect(s.handleLine(creds).action).toEqual({ kind: "login", username: "ann@a.example", password: "pw" });
    const c = secure();
    c.handleLine("AUTH PLAIN");
    expect(reply(c, "*")).toBe("-ERR authentication cancelled\r\n");
    expect(reply(c, "NOOP")).toMatch(/^-ERR NOOP is only valid after login/);
  });

  it("AUTH lists PLAIN, refuses other mechanisms, bad base64 and another authzid", () => {
    expect(reply(secure(), "AUTH")).toBe("+OK SASL mechanisms follow\r\nPLAIN\r\n.\r\n");
    expect(reply(secure(), "AUTH CRAM-MD5")).toBe("-ERR unsupported mechanism; use PLAIN\r\n");
    expect(reply(secure(), "AUTH PLAIN !!!")).toMatch(/^-ERR malformed PLAIN response/);
    const other = Buffer.from("boss@a.example\0ann@a.example\0pw").toString("base64");
    expect(secure().handleLine(`AUTH PLAIN ${other}`)).toMatchObject({ reply: "-ERR [AUTH] invalid user name or password\r\n", penalty: true });
  });

  it("a failed login answers [AUTH] after a penalty; the third closes the connection", () => {
    const s = secure();
    expect(s.loginFinished({ ok: false, reason: "bad_credentials" })).toEqual({ reply: "-ERR [AUTH] invalid user name or password\r\n", penalty: true });
    expect(s.loginFinished({ ok: false, reason: "disabled" })).toEqual({ reply: "-ERR [AUTH] this mailbox is disabled\r\n", penalty: true });
    expect(s.loginFinished({ ok: false, reason: "must_change_password" })).toEqual({
      reply: "-ERR [AUTH] the password must be changed in the web portal before mail can be read; too many failed logins, closing connection\r\n",
      penalty: true,
      close: "too-many-failures",
    });
    expect(s.loginFailures).toBe(3);
  });

  it("a locked maildrop is [IN-USE] and a store failure [SYS/TEMP]; neither counts as a failed login", () => {
    const s = secure();
    for (let i = 0; i < 5; i++) expect(s.loginFinished({ ok: false, reason: "in_use" })).toEqual({ reply: "-ERR [IN-USE] the maildrop is in use by another session\r\n" });
    expect(s.loginFinished({ ok: false, reason: "unavailable" }).reply).toMatch(/^-ERR \[SYS\/TEMP\] /);
    expect(s.loginFailures).toBe(0);
    expect(s.phase).toBe("authorization");
  });

  it("transaction commands are refused before login; QUIT just closes", () => {
    expect(reply(secure(), "STAT")).toBe("-ERR STAT is only valid after login\r\n");
    expect(reply(secure(), "RETR 1")).toBe("-ERR RETR is only valid after login\r\n");
    expect(secure().handleLine("QUIT")).toEqual({ reply: "+OK bye\r\n", close: "quit" });
  });

  it("closes after ten bad commands in a row (garbage, binary, an HTTP client)", () => {
    const s = plain();
    for (let i = 0; i < 9; i++) expect(s.handleLine("\u0000\uFFFD GET / HTTP/1.1").close).toBeUndefined();
    expect(s.handleLine("xyzzy")).toEqual({ reply: "-ERR unknown command; too many bad commands, closing connection\r\n", close: "too-many-errors" });
    const counted = plain();
    for (let i = 0; i < 9; i++) counted.handleLine("bogus");
    counted.handleLine("CAPA");
    expect(counted.handleLine("bogus").close).toBeUndefined();
  });

  it("refuses command lines over 255 octets (RFC 2449) without acting on them", () => {
    const s = secure();
    expect(reply(s, "USER " + "a".repeat(249))).toBe("-ERR command line too long (at most 255 octets)\r\n");
    expect(reply(s, "USER " + "a".repeat(248))).toBe("+OK send PASS\r\n");
    expect(s.lineTooLong().reply).toBe("-ERR command line too long (at most 255 octets)\r\n");
  });
});

describe("Pop3Session: transaction", () => {
  it("login answers with the snapshot's count and octets", () => {
    const s = secure();
    s.handleLine("USER ann@a.example");
    s.handleLine("PASS x");
    expect(s.loginFinished({ ok: true, mailboxId: "mb-1", address: "ann@a.example", maildrop: drop })).toEqual({ reply: "+OK ann@a.example has 3 messages (325 octets)\r\n" });
    expect(s.phase).toBe("transaction");
  });

  it("STAT, LIST and UIDL (UIDs are the store ids)", () => {
    const s = loggedIn();
    expect(reply(s, "STAT")).toBe("+OK 3 325\r\n");
    expect(reply(s, "LIST")).toBe("+OK 3 messages (325 octets)\r\n1 120\r\n2 200\r\n3 5\r\n.\r\n");
    expect(reply(s, "LIST 2")).toBe("+OK 2 200\r\n");
    expect(reply(s, "UIDL")).toBe("+OK 3 messages\r\n1 11\r\n2 12\r\n3 40\r\n.\r\n");
    expect(reply(s, "UIDL 3")).toBe("+OK 3 40\r\n");
  });

  it("CAPA after login lists no login mechanisms", () => {
    const capa = reply(loggedIn(), "CAPA");
    expect(capa).toContain("TOP\r\nUIDL\r\n");
    expect(capa).not.toMatch(/USER|SASL|STLS/);
  });

  it("RETR and TOP ask for the message; the reply is +OK with the size, then the stuffed bytes", () => {
    const s = loggedIn();
    const retr = s.handleLine("RETR 2").action as Extract<Pop3Action, { kind: "retrieve" }>;
    expect(retr).toEqual({ kind: "retrieve", message: drop[1], bodyLines: null });
    expect(s.retrieved(retr, Buffer.from("A: b\r\n\r\n.x\r\n")).toString()).toBe("+OK 200 octets\r\nA: b\r\n\r\n..x\r\n.\r\n");
    expect(s.handleLine("TOP 1 0").action).toEqual({ kind: "retrieve", message: drop[0], bodyLines: 0 });
    expect(s.handleLine("TOP 1 99999999999999999999").action).toMatchObject({ bodyLines: Number.MAX_SAFE_INTEGER });
    expect(s.stats).toMatchObject({ retrieved: 1, retrievedBytes: 12 });
    expect(s.retrievalFailed().reply).toMatch(/^-ERR \[SYS\/TEMP\] /);
  });

  it.each([
    ["RETR 0", "-ERR no such message: 0 (the maildrop has 3)"],
    ["RETR 4", "-ERR no such message: 4 (the maildrop has 3)"],
    ["RETR 99999999999999999999999999", "-ERR no such message: 99999999999999999999 (the maildrop has 3)"],
    ["RETR -1", '-ERR invalid message number "-1"'],
    ["RETR 1.5", '-ERR invalid message number "1.5"'],
    ["RETR", "-ERR RETR takes one argument: a message number"],
    ["LIST 1 2", "-ERR LIST takes at most one argument: a message number"],
    ["TOP 1", "-ERR TOP takes two arguments: a message number and a line count"],
    ["TOP 1 -2", "-ERR invalid line count"],
    ["DELE x", '-ERR invalid message number "x"'],
    ["NOOP now", "-ERR NOOP takes no arguments"],
    ["USER b@c.d", "-ERR USER is not valid after login"],
  ])("refuses %j after login", (command, expected) => {
    expect(reply(loggedIn(), command)).toBe(`${expected}\r\n`);
  });

  it("DELE marks a message: it leaves STAT, LIST and UIDL and cannot be read or deleted again; RSET unmarks", () => {
    const s = loggedIn();
    expect(reply(s, "DELE 2")).toBe("+OK message 2 deleted\r\n");
    expect(reply(s, "DELE 2")).toBe("-ERR message 2 is already deleted\r\n");
    expect(reply(s, "RETR 2")).toBe("-ERR message 2 is already deleted\r\n");
    expect(reply(s, "LIST 2")).toBe("-ERR message 2 is already deleted\r\n");
    expect(reply(s, "STAT")).toBe("+OK 2 125\r\n");
    expect(reply(s, "LIST")).toBe("+OK 2 messages (125 octets)\r\n1 120\r\n3 5\r\n.\r\n");
    expect(reply(s, "UIDL")).toBe("+OK 2 messages\r\n1 11\r\n3 40\r\n.\r\n");
    expect(reply(s, "RSET")).toBe("+OK maildrop has 3 messages (325 octets)\r\n");
    expect(reply(s, "RETR 2")).toBe("");
  });

  it("QUIT without deletions closes at once; with deletions it enters UPDATE and asks to expunge their UIDs", () => {
    expect(loggedIn().handleLine("QUIT")).toEqual({ reply: "+OK bye, 3 messages left\r\n", close: "quit" });
    const s = loggedIn();
    s.handleLine("DELE 3");
    s.handleLine("DELE 1");
    expect(s.handleLine("QUIT")).toEqual({ action: { kind: "update", mailboxId: "mb-1", uids: [40n, 11n] } });
    expect(s.phase).toBe("update");
    expect(s.handleLine("RETR 2")).toEqual({});
    expect(s.updateFinished(2)).toEqual({ reply: "+OK bye, 2 deleted, 1 messages left\r\n", close: "quit" });
    expect(s.stats.deleted).toBe(2);
  });

  it("a failed UPDATE says so with [SYS/TEMP] and closes", () => {
    const s = loggedIn();
    s.handleLine("DELE 1");
    s.handleLine("QUIT");
    expect(s.updateFinished(null)).toEqual({ reply: "-ERR [SYS/TEMP] some deleted messages were not removed, try again later\r\n", close: "quit" });
  });

  it("an empty maildrop", () => {
    const s = secure();
    s.handleLine("USER a@b.c");
    s.handleLine("PASS x");
    expect(s.loginFinished({ ok: true, mailboxId: "mb-2", address: "a@b.c", maildrop: [] }).reply).toBe("+OK a@b.c has 0 messages (0 octets)\r\n");
    expect(reply(s, "LIST")).toBe("+OK 0 messages (0 octets)\r\n.\r\n");
    expect(reply(s, "RETR 1")).toBe("-ERR no such message: 1 (the maildrop has 0)\r\n");
    expect(s.handleLine("QUIT").reply).toBe("+OK bye, maildrop empty\r\n");
  });
});
