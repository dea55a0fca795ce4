import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createMailbox, MAIL_PASSWORD } from "@/server/mail/mail-test-fixtures";
import { db } from "@/server/shared/db";
import { deliver, pop3TestWorld, RawPop3, runPoplib } from "./pop3-test-helpers";

// POP3 with real clients (issue 7 §4): Python's poplib over STLS and over implicit TLS, and
// Debian's mpop, against a listener on port 0 reading the real store.

const execFileP = promisify(execFile);

const world = pop3TestWorld();

const storedIds = async (mailboxId: string) => (await db.storedMessage.findMany({ where: { mailboxId }, orderBy: { id: "asc" } })).map((r) => r.id);
const usedBytes = async (id: string) => (await db.mailbox.findUniqueOrThrow({ where: { id } })).usedBytes;

describe("POP3 with Python's poplib", () => {
  it("over STLS: STAT, LIST, UIDL, TOP, RETR (byte-exact, dot-stuffed) and DELE applied at QUIT", async () => {
    const box = await createMailbox(world.t);
    const first = await deliver(box, { subject: "First", body: "hello\r\n.a line with a leading dot\r\n..two dots\r\n." });
    const second = await deliver(box, { subject: "Second", bodyBytes: 300 });
    const ids = await storedIds(box.id);
    const before = await usedBytes(box.id);

    const out = await runPoplib<Record<string, unknown>>(
      `
p = poplib.POP3("127.0.0.1", PORT, timeout=10)
welcome = text(p.getwelcome())
capa_before = sorted(p.capa().keys())
p.stls(context=ctx)
capa_after = sorted(p.capa().keys())
p.user(USER)
login = text(p.pass_(PASSWORD))
stat = list(p.stat())
listing = [text(l) for l in p.list()[1]]
uidl = [text(l) for l in p.uidl()[1]]
top = [l.decode() for l in p.top(1, 0)[1]]
retr = p.retr(1)
dele = text(p.dele(2))
quit = text(p.quit())
print(json.dumps({"welcome": welcome, "capa_before": capa_before, "capa_after": capa_after, "login": login, "stat": stat,
  "list": listing, "uidl": uidl, "top": top, "retr_status": text(retr[0]), "retr": b"\\r\\n".join(retr[1]).decode() + "\\r\\n",
  "dele": dele, "quit": quit}))
`,
      { port: world.pop3.port, user: box.address, password: MAIL_PASSWORD },
    );

    expect(out.welcome).toBe("+OK mx.mailstead.test POP3 server ready");
    expect(out.capa_before).toEqual(["AUTH-RESP-CODE", "EXPIRE", "IMPLEMENTATION", "PIPELINING", "RESP-CODES", "STLS", "TOP", "UIDL"]);
    expect(out.capa_after).toEqual(["AUTH-RESP-CODE", "EXPIRE", "IMPLEMENTATION", "PIPELINING", "RESP-CODES", "SASL", "TOP", "UIDL", "USER"]);
    expect(out.login).toBe(`+OK ${box.address} has 2 messages (${first.length + second.length} octets)`);
    expect(out.stat).toEqual([2, first.length + second.length]);
    expect(out.list).toEqual([`1 ${first.length}`, `2 ${second.length}`]);
    expect(out.uidl).toEqual([`1 ${ids[0]}`, `2 ${ids[1]}`]);
    const header = first.toString().split("\r\n\r\n")[0] ?? "";
    expect(out.top).toEqual([...header.split("\r\n"), ""]);
    expect(out.retr_status).toBe(`+OK ${first.length} octets`);
    // poplib undoes the dot-stuffing: what it got is exactly what was stored (plus the repaired last line end).
    expect(out.retr).toBe(first.toString());
    expect(out.dele).toBe("+OK message 2 deleted");
    expect(out.quit).toBe("+OK bye, 1 deleted, 1 messages left");

    expect(await storedIds(box.id)).toEqual([ids[0]]);
    expect(await usedBytes(box.id)).toBe(before - BigInt(second.length));
  });

  it("over implicit TLS (POP3_SSL), with AUTH PLAIN as well as USER/PASS", async () => {
    const box = await createMailbox(world.t);
    const bytes = await deliver(box, { subject: "Over TLS" });
    const out = await runPoplib<Record<string, string>>(
      `
import base64
p = poplib.POP3_SSL("127.0.0.1", PORT, context=ctx, timeout=10)
p.user(USER)
login = text(p.pass_(PASSWORD))
p.quit()
q = poplib.POP3_SSL("127.0.0.1", PORT, context=ctx, timeout=10)
creds = base64.b64encode(b"\\0" + USER.encode() + b"\\0" + PASSWORD.encode()).decode()
auth = text(q._shortcmd("AUTH PLAIN " + creds))
size = text(q.list(1))
q.quit()
print(json.dumps({"login": login, "auth": auth, "size": size}))
`,
      { port: world.pop3s.port, user: box.address, password: MAIL_PASSWORD },
    );
    expect(out).toEqual({ login: `+OK ${box.address} has 1 messages (${bytes.length} octets)`, auth: `+OK ${box.address} has 1 messages (${bytes.length} octets)`, size: `+OK 1 ${bytes.length}` });
  });

  it("refuses USER before STLS and a wrong password, with [AUTH]", async () => {
    const box = await createMailbox(world.t);
    const out = await runPoplib<Record<string, string>>(
      `
p = poplib.POP3("127.0.0.1", PORT, timeout=10)
try:
    p.user(USER)
    plain = "accepted"
except poplib.error_proto as e:
    plain = e.args[0].decode()
p.stls(context=ctx)
p.user(USER)
try:
    p.pass_("wrong password")
    wrong = "accepted"
except poplib.error_proto as e:
    wrong = e.args[0].decode()
p.quit()
print(json.dumps({"plain": plain, "wrong": wrong}))
`,
      { port: world.pop3.port, user: box.address, password: MAIL_PASSWORD },
    );
    expect(out).toEqual({ plain: "-ERR [AUTH] plaintext login is refused: send STLS first", wrong: "-ERR [AUTH] invalid user name or password" });
  });

  it("a connection dropped without QUIT deletes nothing", async () => {
    const box = await createMailbox(world.t);
    await deliver(box);
    await deliver(box);
    const ids = await storedIds(box.id);
    const out = await runPoplib<string[]>(
      `
p = poplib.POP3_SSL("127.0.0.1", PORT, context=ctx, timeout=10)
p.user(USER)
p.pass_(PASSWORD)
r = [text(p.dele(1)), text(p.dele(2))]
p.sock.close()
print(json.dumps(r))
`,
      { port: world.pop3s.port, user: box.address, password: MAIL_PASSWORD },
    );
    expect(out).toEqual(["+OK message 1 deleted", "+OK message 2 deleted"]);
    // The server notices the drop and releases the maildrop; nothing was expunged.
    const again = await RawPop3.connect(world.pop3s.port, true);
    await again.line();
    await expect.poll(async () => again.login(box.address, MAIL_PASSWORD)).toMatch(/^\+OK .* has 2 messages/);
    await again.command("QUIT");
    expect(await storedIds(box.id)).toEqual(ids);
  });

  it("a second session for a locked maildrop gets [IN-USE]; once the first quits, it gets in", async () => {
    const box = await createMailbox(world.t);
    const first = await RawPop3.connect(world.pop3s.port, true);
    await first.line();
    expect(await first.login(box.address, MAIL_PASSWORD)).toMatch(/^\+OK/);
    const second = await RawPop3.connect(world.pop3s.port, true);
    await second.line();
    expect(await second.login(box.address, MAIL_PASSWORD)).toBe("-ERR [IN-USE] the maildrop is in use by another session");
    expect(await first.command("QUIT")).toMatch(/^\+OK bye/);
    await first.closedByServer();
    expect(await second.login(box.address, MAIL_PASSWORD)).toMatch(/^\+OK/);
    await second.command("QUIT");
  });

  it("the maildrop is a snapshot: mail arriving during a session shows up in the next one", async () => {
    const box = await createMailbox(world.t);
    await deliver(box);
    const c = await RawPop3.connect(world.pop3s.port, true);
    await c.line();
    await c.login(box.address, MAIL_PASSWORD);
    await deliver(box);
    expect(await c.command("STAT")).toMatch(/^\+OK 1 \d+$/);
    expect(await c.command("RETR 2")).toBe("-ERR no such message: 2 (the maildrop has 1)");
    await c.command("QUIT");
    await c.closedByServer();
    const next = await RawPop3.connect(world.pop3s.port, true);
    await next.line();
    expect(await next.login(box.address, MAIL_PASSWORD)).toMatch(/has 2 messages/);
    await next.command("QUIT");
  });

  it("refuses a disabled mailbox and one whose password must be changed", async () => {
    const disabled = await createMailbox(world.t, { status: "disabled" });
    const mustChange = await createMailbox(world.t, { mustChangePassword: true });
    const c = await RawPop3.connect(world.pop3s.port, true);
    await c.line();
    expect(await c.login(disabled.address, MAIL_PASSWORD)).toBe("-ERR [AUTH] this mailbox is disabled");
    expect(await c.login(mustChange.address, MAIL_PASSWORD)).toMatch(/^-ERR \[AUTH\] the password must be changed/);
    await c.command("QUIT");
  });
});

describe("POP3 with Debian's mpop", () => {
  it("fetches every message over STLS into an mbox and deletes them from the server", async () => {
    const box = await createMailbox(world.t);
    await deliver(box, { subject: "mpop one" });
    await deliver(box, { subject: "mpop two", body: ".dotted line\r\nend" });
    await deliver(box, { subject: "mpop three", bodyBytes: 20_000 });
    const dir = await mkdtemp(path.join(os.tmpdir(), "mpop-"));
    try {
      const mbox = path.join(dir, "inbox.mbox");
      const { stdout, stderr } = await execFileP(
        "mpop",
        [
          "--host=127.0.0.1",
          `--port=${world.pop3.port}`,
          "--tls=on",
          "--tls-starttls=on",
          "--tls-certcheck=off",
          "--auth=user",
          `--user=${box.address}`,
          `--passwordeval=echo '${MAIL_PASSWORD}'`,
          `--delivery=mbox,${mbox}`,
          `--uidls-file=${path.join(dir, "uidls")}`,
          "--only-new=off",
          "--keep=off",
          "--received-header=off",
        ],
        { timeout: 20_000, env: { ...process.env, HOME: dir } },
      );
      expect(`${stdout}${stderr}`).toMatch(/3 messages/);
      const delivered = await readFile(mbox, "utf8");
      for (const subject of ["mpop one", "mpop two", "mpop three"]) expect(delivered).toContain(`Subject: ${subject}`);
      expect(delivered).toMatch(/^>?\.dotted line$/m);
      // mpop writes the mbox with LF line ends; the 20,000-character body arrived whole.
      expect(delivered.match(/x/g)?.length ?? 0).toBeGreaterThanOrEqual(20_000);
      expect(await storedIds(box.id)).toEqual([]);
      expect(await usedBytes(box.id)).toBe(0n);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
