import net from "node:net";
import tls from "node:tls";
import type { MailTarget } from "./probe.types";
import { probeTlsOptions } from "./probe-tls";

// A raw line-oriented client for the probes (SMTP and POP3 over node:net/tls). Every connection
// has a hard deadline: when it passes, the socket is destroyed and whatever the probe was waiting
// for fails with "timed out after N ms waiting for <step>". A half-open connection, or a
// listener that accepts and never greets, therefore ends as a timeout failure, never a hang.

export class LineConnection {
  private buf = "";
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private step = "the connection";
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private socket: net.Socket,
    private readonly target: MailTarget,
    timeoutMs: number,
  ) {
    this.attach(socket);
    this.timer = setTimeout(() => this.fail(new Error(`timed out after ${timeoutMs} ms waiting for ${this.step}`)), timeoutMs);
    this.timer.unref();
  }

  /** Connects (TCP, or TLS from the first byte); the deadline covers the connect too. */
  static open(target: MailTarget, timeoutMs: number, implicitTls = false): Promise<LineConnection> {
    const socket = implicitTls ? tls.connect({ host: target.host, port: target.port, ...probeTlsOptions(target.host) }) : net.connect({ host: target.host, port: target.port });
    const conn = new LineConnection(socket, target, timeoutMs);
    return conn.until(`a connection to ${target.host}:${target.port}`, implicitTls ? "secureConnect" : "connect").then(() => conn);
  }

  private attach(s: net.Socket) {
    s.setEncoding("latin1");
    s.on("data", (d: string) => {
      this.buf += d;
      this.wake?.();
    });
    s.on("error", (e) => this.fail(e));
    s.on("close", () => this.fail(new Error(`connection closed by ${this.target.host}:${this.target.port} while waiting for ${this.step}`)));
  }

  private fail(e: Error) {
    this.failure ??= e;
    this.socket.destroy();
    this.wake?.();
  }

  private until(step: string, event: string): Promise<void> {
    this.step = step;
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const done = () => resolve();
      this.socket.once(event, done);
      this.wake = () => {
        if (!this.failure) return;
        this.socket.off(event, done);
        reject(this.failure);
      };
    });
  }

  /** The next line, without its CRLF. */
  async line(step: string): Promise<string> {
    this.step = step;
    for (;;) {
      const i = this.buf.indexOf("\r\n");
      if (i >= 0) {
        const line = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 2);
        return line;
      }
      if (this.failure) throw this.failure;
      await new Promise<void>((r) => (this.wake = r));
    }
  }

  /** A whole SMTP reply (every line of a multi-line one). */
  async smtpReply(step: string): Promise<{ code: number; text: string }> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.line(step);
      lines.push(line);
      if (line[3] !== "-") return { code: Number(line.slice(0, 3)) || 0, text: lines.join(" | ") };
    }
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Wraps the socket in TLS after the server agreed (STARTTLS 220 / STLS +OK). */
  async startTls(): Promise<void> {
    this.socket.removeAllListeners("data").removeAllListeners("close").removeAllListeners("error");
    this.socket.on("error", () => {});
    const secure = tls.connect({ socket: this.socket, ...probeTlsOptions(this.target.host) });
    this.socket = secure;
    this.attach(secure);
    await this.until("the TLS handshake", "secureConnect");
  }

  close(): void {
    clearTimeout(this.timer);
    this.socket.destroy();
  }
}

/** Runs `work` on a connection and always closes it. */
export async function withConnection<T>(target: MailTarget, timeoutMs: number, work: (c: LineConnection) => Promise<T>, implicitTls = false): Promise<T> {
  const c = await LineConnection.open(target, timeoutMs, implicitTls);
  try {
    return await work(c);
  } finally {
    c.close();
  }
}
