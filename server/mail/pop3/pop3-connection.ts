import type net from "node:net";
import tls from "node:tls";
import { setTimeout as delay } from "node:timers/promises";
import { expungeMessages } from "@/server/mail/store/expunge-messages";
import { readStoredMessage } from "@/server/mail/store/read-message";
import { logger } from "@/server/shared/logger";
import { openMaildrop } from "./open-maildrop";
import { err } from "./pop3-reply";
import { LINE_TOO_LONG, LineReader, type ReadItem } from "./pop3-line-reader";
import { Pop3Session, type EndReason, type Pop3Step } from "./pop3-session";

// Drives one POP3 client over its socket: splits lines, feeds them to the session one at a time
// (RFC 2449 PIPELINING: a client may send many commands without waiting; answers go out in
// order), performs the session's actions, and writes its replies with backpressure, so a client
// that reads slowly or vanishes mid-RETR costs a bounded amount of memory.

const log = logger("mail.pop3");

/** Bytes buffered for one line: RFC 2449 commands are 255 octets, an AUTH PLAIN response a little more. */
const LINE_BUFFER_BYTES = 4096;
/** Lines queued (pipelined) before the socket stops being read until the session catches up. */
const MAX_QUEUED_LINES = 64;
/** How long the last reply may take to drain before the socket is destroyed anyway. */
const CLOSE_FLUSH_MS = 2000;

export type Pop3ConnectionOptions = {
  hostname: string;
  /** The socket is already TLS (the POP3S listener); otherwise STLS is offered. */
  implicitTls: boolean;
  secureContext: tls.SecureContext;
  /** RFC 1939 §3: an autologout timer of at least 10 minutes; it closes without a reply. */
  idleTimeoutMs: number;
  /** The pause before answering a failed login: slows password guessing. */
  loginFailureDelayMs: number;
};

type End = EndReason | "timeout" | "client-closed" | "shutdown" | "tls-failed" | "error";

export class Pop3Connection {
  /** Resolves once the socket is closed, the last action finished and the lock is released. */
  readonly done: Promise<void>;
  private resolveDone: () => void = () => {};
  private socket: net.Socket;
  private readonly session: Pop3Session;
  private readonly reader = new LineReader(LINE_BUFFER_BYTES);
  private queue: ReadItem[] = [];
  private head = 0;
  private busy = false;
  private closing = false;
  private socketClosed = false;
  private finished = false;
  private endReason: End | null = null;
  private release: (() => void) | undefined;
  private shutdownTimer: NodeJS.Timeout | undefined;
  private readonly startedAt = Date.now();
  private readonly ip: string;

  constructor(socket: net.Socket, private readonly options: Pop3ConnectionOptions) {
    this.socket = socket;
    this.ip = socket.remoteAddress ?? "";
    this.session = new Pop3Session({ hostname: options.hostname, tls: options.implicitTls, startTlsAvailable: !options.implicitTls });
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    socket.setNoDelay(true);
    socket.on("close", this.onClose);
    this.listen(socket);
    void this.write(this.session.greeting());
  }

  /** Server shutdown: a logged-in session gets `graceMs` to QUIT, then is told why and cut; no deletions apply. */
  shutdown(graceMs: number): void {
    if (this.socketClosed || this.shutdownTimer) return;
    const cut = () => {
      // UPDATE is applying deletions the client asked for: let it finish and answer.
      if (this.session.phase === "update" || this.closing) return;
      // Mid-reply (a RETR being sent) another line would corrupt it; the client sees the cut instead.
      if (!this.busy) this.socket.write(err("server shutting down", "SYS/TEMP"));
      this.end("shutdown");
    };
    if (this.session.phase === "authorization" && !this.busy) cut();
    else this.shutdownTimer = setTimeout(cut, graceMs);
  }

  private listen(socket: net.Socket): void {
    socket.on("data", this.onData);
    socket.on("error", this.onError);
    socket.on("timeout", this.onTimeout);
    socket.setTimeout(this.options.idleTimeoutMs);
  }

  private readonly onData = (chunk: Buffer) => {
    if (this.closing) return;
    for (const item of this.reader.push(chunk)) this.queue.push(item);
    if (this.queue.length - this.head > MAX_QUEUED_LINES) this.socket.pause();
    void this.pump();
  };

  private readonly onError = (error: Error) => {
    // Resets and broken pipes are what vanishing clients do; 'close' follows and ends the session.
    log.debug("pop3 socket error", { ip: this.ip, error: error.message });
  };

  private readonly onTimeout = () => {
    this.endReason ??= "timeout";
    this.closing = true;
    this.socket.destroy();
  };

  private readonly onClose = () => {
    this.socketClosed = true;
    this.closing = true;
    this.endReason ??= "client-closed";
    this.queue = [];
    this.head = 0;
    if (!this.busy) this.finish();
  };

  private nextItem(): ReadItem | undefined {
    const item = this.queue[this.head++];
    if (this.head >= this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return item;
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let item = this.nextItem(); item !== undefined && !this.closing; item = this.closing ? undefined : this.nextItem()) {
        await this.perform(item === LINE_TOO_LONG ? this.session.lineTooLong() : this.session.handleLine(item));
        if (!this.closing && this.queue.length - this.head <= MAX_QUEUED_LINES / 2) this.socket.resume();
      }
    } catch (error) {
      log.error("pop3 session failed", { ip: this.ip, error: String(error) });
      this.end("error");
    } finally {
      this.busy = false;
      if (this.socketClosed) this.finish();
    }
  }

  private async perform(step: Pop3Step): Promise<void> {
    if (step.penalty) await delay(this.options.loginFailureDelayMs);
    const action = step.action;
    if (action?.kind === "starttls") this.stopReadingPlaintext();
    if (step.reply) await this.write(step.reply);
    if (action?.kind === "login") {
      const opened = await openMaildrop(action.username, action.password, this.ip);
      if (opened.ok) this.release = opened.release;
      await this.perform(this.session.loginFinished(opened));
    } else if (action?.kind === "starttls") {
      await this.startTls();
    } else if (action?.kind === "retrieve") {
      const bytes = await readStoredMessage(action.message.path).catch((error: unknown) => {
        log.error("pop3 could not read a stored message", { path: action.message.path, error: String(error) });
        return null;
      });
      if (bytes) await this.write(this.session.retrieved(action, bytes));
      else await this.perform(this.session.retrievalFailed());
    } else if (action?.kind === "update") {
      const removed = await expungeMessages(action.mailboxId, action.uids).catch((error: unknown) => {
        log.error("pop3 could not apply deletions", { mailboxId: action.mailboxId, error: String(error) });
        return null;
      });
      await this.perform(this.session.updateFinished(removed));
    }
    if (step.close) this.end(step.close);
  }

  /**
   * Before "+OK begin TLS": nothing more is read as plaintext, and lines the client pipelined
   * after STLS are dropped — they must not run as if they had come over TLS (the STARTTLS
   * command-injection flaw, CVE-2011-0411). Bytes still unread go to the TLS layer, where
   * plaintext fails the handshake.
   */
  private stopReadingPlaintext(): void {
    this.socket.off("data", this.onData);
    this.socket.pause();
    this.reader.reset();
    this.queue = [];
    this.head = 0;
  }

  private async startTls(): Promise<void> {
    const plain = this.socket;
    plain.off("timeout", this.onTimeout);
    plain.setTimeout(0);
    const secure = new tls.TLSSocket(plain, { isServer: true, secureContext: this.options.secureContext });
    this.socket = secure;
    secure.on("error", this.onError);
    secure.on("timeout", this.onTimeout);
    secure.setTimeout(this.options.idleTimeoutMs);
    const up = await new Promise<boolean>((resolve) => {
      secure.once("secure", () => resolve(true));
      secure.once("error", () => resolve(false));
      secure.once("close", () => resolve(false));
    });
    if (!up) {
      log.debug("pop3 STLS handshake failed", { ip: this.ip });
      this.end("tls-failed");
      return;
    }
    this.session.tlsStarted();
    this.listen(secure);
  }

  private write(data: string | Buffer): Promise<void> {
    const socket = this.socket;
    if (this.closing || socket.destroyed) return Promise.resolve();
    if (socket.write(data)) return Promise.resolve();
    return new Promise((resolve) => {
      const settle = () => {
        socket.off("drain", settle);
        socket.off("close", settle);
        resolve();
      };
      socket.on("drain", settle);
      socket.on("close", settle);
    });
  }

  private end(reason: End): void {
    this.endReason ??= reason;
    if (this.closing) return;
    this.closing = true;
    // Flush the last reply, then close; a client that stops reading must not keep the socket open.
    const socket = this.socket;
    socket.end(() => socket.destroy());
    setTimeout(() => socket.destroy(), CLOSE_FLUSH_MS).unref();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.shutdownTimer);
    this.release?.();
    const { stats } = this.session;
    log.info("pop3 session", {
      ip: this.ip,
      listener: this.options.implicitTls ? "pop3s" : "pop3",
      tls: this.session.tls,
      mailboxId: this.session.mailboxId,
      address: this.session.address,
      loginFailures: this.session.loginFailures,
      retrieved: stats.retrieved,
      retrievedBytes: stats.retrievedBytes,
      deleted: stats.deleted,
      end: this.endReason,
      durationMs: Date.now() - this.startedAt,
    });
    this.resolveDone();
  }
}
