// One POP3 session's state machine (RFC 1939 AUTHORIZATION → TRANSACTION → UPDATE, RFC 2449
// CAPA, RFC 2595 STLS, RFC 5034 AUTH PLAIN). It does no I/O: it answers each command line with
// the reply to send and, where the answer needs the outside world (checking a password, TLS,
// reading a message, applying deletions), an action the connection performs before calling
// back with the result. That keeps every protocol rule testable without sockets or a database.
import { capabilities } from "./pop3-capabilities";
import { err, multiline, ok, type Pop3RespCode } from "./pop3-reply";
import { transferBytes } from "./pop3-transfer";
import { decodeSaslPlain } from "./sasl-plain";

/**
 * A message of the maildrop as it was at login. `uid` is its StoredMessage id, which UIDL
 * sends: unique in the mailbox and never reused (AUTO_INCREMENT, persisted across restarts by
 * MariaDB since 10.2.4), as RFC 1939 §7 asks.
 */
export type DropMessage = { uid: bigint; size: number; path: string };

export type LoginRefusal = "bad_credentials" | "disabled" | "must_change_password" | "locked" | "ip_denied" | "in_use" | "unavailable";
export type LoginOutcome =
  | { ok: true; mailboxId: string; address: string; maildrop: readonly DropMessage[] }
  | { ok: false; reason: LoginRefusal };

export type Pop3Action =
  | { kind: "login"; username: string; password: string }
  | { kind: "starttls" }
  | { kind: "retrieve"; message: DropMessage; bodyLines: number | null }
  | { kind: "update"; mailboxId: string; uids: bigint[] };

export type EndReason = "quit" | "too-many-failures" | "too-many-errors";

/** What to do for one line: wait `penalty`, send `reply`, perform `action`, then close if `close`. */
export type Pop3Step = { reply?: string; action?: Pop3Action; penalty?: boolean; close?: EndReason };

export type Pop3SessionOptions = {
  hostname: string;
  /** The connection is encrypted (implicit TLS, or after STLS). */
  tls: boolean;
  /** The plain listener offers STLS. */
  startTlsAvailable: boolean;
  /** Failed logins before the connection is closed. */
  maxLoginFailures?: number;
  /** Consecutive rejected commands before the connection is closed (garbage, a port scanner, an HTTP client). */
  maxBadCommands?: number;
};

/** RFC 2449 §4: a command line is at most 255 octets including its CRLF. */
export const MAX_COMMAND_OCTETS = 255;

const LOGIN_REFUSALS: Record<LoginRefusal, [string, Pop3RespCode]> = {
  bad_credentials: ["invalid user name or password", "AUTH"],
  disabled: ["this mailbox is disabled", "AUTH"],
  must_change_password: ["the password must be changed in the web portal before mail can be read", "AUTH"],
  locked: ["this account is temporarily locked after repeated failed logins; try again later or ask your administrator", "AUTH"],
  ip_denied: ["your organisation does not allow mail client logins from this network", "AUTH"],
  in_use: ["the maildrop is in use by another session", "IN-USE"],
  unavailable: ["the maildrop cannot be opened now, try again later", "SYS/TEMP"],
};
const CREDENTIAL_FAILURES: ReadonlySet<LoginRefusal> = new Set(["bad_credentials", "disabled", "must_change_password", "locked", "ip_denied"]);
const PLAINTEXT_REFUSED = "plaintext login is refused: send STLS first";
const TOO_LONG = `command line too long (at most ${MAX_COMMAND_OCTETS} octets)`;

export class Pop3Session {
  phase: "authorization" | "transaction" | "update" | "closed" = "authorization";
  tls: boolean;
  mailboxId: string | null = null;
  address: string | null = null;
  loginFailures = 0;
  readonly stats = { retrieved: 0, retrievedBytes: 0, deleted: 0 };

  private readonly options: Required<Pop3SessionOptions>;
  private user: string | null = null;
  private awaitingSaslResponse = false;
  private badCommands = 0;
  private maildrop: readonly DropMessage[] = [];
  /** Message numbers marked by DELE (1-based, numbers of the login snapshot). */
  private readonly deleted = new Set<number>();

  constructor(options: Pop3SessionOptions) {
    this.options = { maxLoginFailures: 3, maxBadCommands: 10, ...options };
    this.tls = options.tls;
  }

  greeting(): string {
    return ok(`${this.options.hostname} POP3 server ready`);
  }

  handleLine(line: string): Pop3Step {
    if (this.awaitingSaslResponse) return this.saslResponse(line);
    if (Buffer.byteLength(line) > MAX_COMMAND_OCTETS - 2) return this.rejected(TOO_LONG);
    const space = line.indexOf(" ");
    const verb = (space === -1 ? line : line.slice(0, space)).toUpperCase();
    const rest = space === -1 ? "" : line.slice(space + 1);
    const args = rest.split(" ").filter(Boolean);
    // UPDATE and after: the connection is closing; anything pipelined after QUIT is ignored.
    if (this.phase === "update" || this.phase === "closed") return {};
    if (verb === "CAPA") return this.accepted(multiline("capability list follows", capabilities({ phase: this.phase, tls: this.tls, startTlsAvailable: this.options.startTlsAvailable })));
    return this.phase === "authorization" ? this.authorization(verb, rest, args) : this.transaction(verb, args);
  }

  /** The line reader dropped a line over its buffer limit. */
  lineTooLong(): Pop3Step {
    this.awaitingSaslResponse = false;
    return this.rejected(TOO_LONG);
  }

  loginFinished(outcome: LoginOutcome): Pop3Step {
    if (outcome.ok) {
      this.phase = "transaction";
      this.mailboxId = outcome.mailboxId;
      this.address = outcome.address;
      this.maildrop = outcome.maildrop;
      const { count, octets } = this.totals();
      return this.accepted(ok(`${outcome.address} has ${count} messages (${octets} octets)`));
    }
    const [text, code] = LOGIN_REFUSALS[outcome.reason];
    if (!CREDENTIAL_FAILURES.has(outcome.reason)) return { reply: err(text, code) };
    this.loginFailures++;
    if (this.loginFailures < this.options.maxLoginFailures) return { reply: err(text, code), penalty: true };
    this.phase = "closed";
    return { reply: err(`${text}; too many failed logins, closing connection`, code), penalty: true, close: "too-many-failures" };
  }

  /** TLS is up after STLS: RFC 2595 §4 — the client starts over, so forget anything said in plaintext. */
  tlsStarted(): void {
    this.tls = true;
    this.user = null;
    this.awaitingSaslResponse = false;
  }

  /** The reply to a RETR or TOP once the message's bytes are read. */
  retrieved(action: Extract<Pop3Action, { kind: "retrieve" }>, bytes: Buffer): Buffer {
    if (action.bodyLines === null) {
      this.stats.retrieved++;
      this.stats.retrievedBytes += bytes.length;
    }
    return Buffer.concat([Buffer.from(ok(`${action.message.size} octets`)), transferBytes(bytes, action.bodyLines)]);
  }

  retrievalFailed(): Pop3Step {
    return { reply: err("the message cannot be read now, try again later", "SYS/TEMP") };
  }

  /** UPDATE finished: `removed` messages were expunged, or null when the store failed. */
  updateFinished(removed: number | null): Pop3Step {
    this.phase = "closed";
    if (removed === null) return { reply: err("some deleted messages were not removed, try again later", "SYS/TEMP"), close: "quit" };
    this.stats.deleted = removed;
    return { reply: ok(`bye, ${this.deleted.size} deleted, ${this.totals().count} messages left`), close: "quit" };
  }

  private authorization(verb: string, rest: string, args: string[]): Pop3Step {
    switch (verb) {
      case "QUIT":
        this.phase = "closed";
        return { reply: ok("bye"), close: "quit" };
      case "STLS":
        if (this.tls) return this.rejected("TLS is already active");
        if (!this.options.startTlsAvailable) return this.rejected("STLS is not available here");
        if (args.length) return this.rejected("STLS takes no arguments");
        this.user = null;
        return { reply: ok("begin TLS negotiation"), action: { kind: "starttls" } };
      case "USER":
        // Refused at USER, not at PASS, so that a client that waits for +OK never sends its password in clear.
        if (!this.tls) return this.rejected(PLAINTEXT_REFUSED, "AUTH");
        if (args.length !== 1) return this.rejected("USER takes one argument: the mailbox address");
        this.user = args[0] ?? null;
        return this.accepted(ok("send PASS"));
      case "PASS": {
        const user = this.user;
        this.user = null;
        if (!this.tls) return this.rejected(PLAINTEXT_REFUSED, "AUTH");
        if (!user) return this.rejected("send USER first");
        // RFC 1939 allows spaces in a password: the argument is the rest of the line.
        if (!rest) return this.rejected("PASS needs the password");
        return { action: { kind: "login", username: user, password: rest } };
      }
      case "AUTH":
        return this.auth(args);
      case "STAT": case "LIST": case "RETR": case "DELE": case "RSET": case "TOP": case "UIDL": case "NOOP":
        return this.rejected(`${verb} is only valid after login`);
      default:
        return this.rejected("unknown command");
    }
  }

  private auth(args: string[]): Pop3Step {
    this.user = null;
    if (!this.tls) return this.rejected(PLAINTEXT_REFUSED, "AUTH");
    // "AUTH" alone lists the mechanisms (the pre-RFC 5034 form some clients still send).
    if (args.length === 0) return this.accepted(multiline("SASL mechanisms follow", ["PLAIN"]));
    if (args[0]?.toUpperCase() !== "PLAIN") return this.rejected("unsupported mechanism; use PLAIN");
    if (args.length > 2) return this.rejected("AUTH PLAIN takes at most one initial response");
    if (args[1] === undefined) {
      this.awaitingSaslResponse = true;
      return { reply: "+ \r\n" };
    }
    return this.saslCredentials(args[1] === "=" ? "" : args[1]);
  }

  private saslResponse(line: string): Pop3Step {
    this.awaitingSaslResponse = false;
    if (line.trim() === "*") return this.rejected("authentication cancelled");
    return this.saslCredentials(line.trim());
  }

  private saslCredentials(response: string): Pop3Step {
    const plain = decodeSaslPlain(response);
    if (!plain) return this.rejected("malformed PLAIN response (expected base64 of authzid NUL user NUL password)");
    if (plain.authzid && plain.authzid.toLowerCase() !== plain.username.toLowerCase()) return this.loginFinished({ ok: false, reason: "bad_credentials" });
    return { action: { kind: "login", username: plain.username, password: plain.password } };
  }

  private transaction(verb: string, args: string[]): Pop3Step {
    switch (verb) {
      case "STAT": {
        if (args.length) return this.rejected("STAT takes no arguments");
        const { count, octets } = this.totals();
        return this.accepted(ok(`${count} ${octets}`));
      }
      case "LIST":
        return this.listing(args, (n, m) => `${n} ${m.size}`, "LIST");
      case "UIDL":
        return this.listing(args, (n, m) => `${n} ${m.uid}`, "UIDL");
      case "RETR": {
        if (args.length !== 1) return this.rejected("RETR takes one argument: a message number");
        const found = this.message(args[0] ?? "");
        if (typeof found === "string") return this.rejected(found);
        return this.accepted({ action: { kind: "retrieve", message: found.message, bodyLines: null } });
      }
      case "TOP": {
        if (args.length !== 2) return this.rejected("TOP takes two arguments: a message number and a line count");
        const found = this.message(args[0] ?? "");
        if (typeof found === "string") return this.rejected(found);
        const lines = args[1] ?? "";
        if (!/^\d+$/.test(lines)) return this.rejected("invalid line count");
        return this.accepted({ action: { kind: "retrieve", message: found.message, bodyLines: Math.min(Number(lines), Number.MAX_SAFE_INTEGER) } });
      }
      case "DELE": {
        if (args.length !== 1) return this.rejected("DELE takes one argument: a message number");
        const found = this.message(args[0] ?? "");
        if (typeof found === "string") return this.rejected(found);
        this.deleted.add(found.number);
        return this.accepted(ok(`message ${found.number} deleted`));
      }
      case "NOOP":
        return args.length ? this.rejected("NOOP takes no arguments") : this.accepted(ok());
      case "RSET": {
        if (args.length) return this.rejected("RSET takes no arguments");
        this.deleted.clear();
        const { count, octets } = this.totals();
        return this.accepted(ok(`maildrop has ${count} messages (${octets} octets)`));
      }
      case "QUIT": {
        if (this.deleted.size === 0 || !this.mailboxId) {
          this.phase = "closed";
          const { count } = this.totals();
          return { reply: ok(count ? `bye, ${count} messages left` : "bye, maildrop empty"), close: "quit" };
        }
        this.phase = "update";
        const uids = [...this.deleted].map((n) => this.maildrop[n - 1]?.uid).filter((uid): uid is bigint => uid !== undefined);
        return { action: { kind: "update", mailboxId: this.mailboxId, uids } };
      }
      case "USER": case "PASS": case "AUTH": case "STLS":
        return this.rejected(`${verb} is not valid after login`);
      default:
        return this.rejected("unknown command");
    }
  }

  private listing(args: string[], line: (n: number, m: DropMessage) => string, verb: string): Pop3Step {
    if (args.length > 1) return this.rejected(`${verb} takes at most one argument: a message number`);
    if (args[0] !== undefined) {
      const found = this.message(args[0]);
      if (typeof found === "string") return this.rejected(found);
      return this.accepted(ok(line(found.number, found.message)));
    }
    const lines: string[] = [];
    this.maildrop.forEach((m, i) => {
      if (!this.deleted.has(i + 1)) lines.push(line(i + 1, m));
    });
    const { count, octets } = this.totals();
    return this.accepted(multiline(verb === "LIST" ? `${count} messages (${octets} octets)` : `${count} messages`, lines));
  }

  /** The message a number argument names, or the -ERR text saying why there is none. */
  private message(arg: string): { number: number; message: DropMessage } | string {
    if (!/^\d+$/.test(arg)) return `invalid message number "${arg.slice(0, 20)}"`;
    // More than 10 digits cannot be a message number here, and Number() of it would lose precision.
    const number = arg.length > 10 ? Number.POSITIVE_INFINITY : Number(arg);
    const message = Number.isSafeInteger(number) && number >= 1 ? this.maildrop[number - 1] : undefined;
    if (!message) return `no such message: ${arg.slice(0, 20)} (the maildrop has ${this.maildrop.length})`;
    if (this.deleted.has(number)) return `message ${number} is already deleted`;
    return { number, message };
  }

  private totals(): { count: number; octets: number } {
    let count = 0;
    let octets = 0;
    this.maildrop.forEach((m, i) => {
      if (this.deleted.has(i + 1)) return;
      count++;
      octets += m.size;
    });
    return { count, octets };
  }

  private accepted(step: string | Pop3Step): Pop3Step {
    this.badCommands = 0;
    return typeof step === "string" ? { reply: step } : step;
  }

  private rejected(text: string, code?: Pop3RespCode): Pop3Step {
    this.badCommands++;
    if (this.badCommands < this.options.maxBadCommands) return { reply: err(text, code) };
    this.phase = "closed";
    return { reply: err(`${text}; too many bad commands, closing connection`, code), close: "too-many-errors" };
  }
}
