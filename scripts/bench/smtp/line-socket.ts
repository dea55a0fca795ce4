// A raw line-protocol socket for the bench's own clients (SMTP load, POP3 poll): no library, so
// the client spends as little as possible of the 2 cores it shares with the server under test.
import net from "node:net";
import tls from "node:tls";

type Waiter = { resolve: (line: string) => void; reject: (e: Error) => void };

export class LineSocket {
  private buffer = "";
  private readonly lines: string[] = [];
  private readonly waiters: Waiter[] = [];
  private failure: Error | null = null;

  private constructor(readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("error", (e) => this.fail(e));
    socket.on("close", () => this.fail(new Error("connection closed")));
  }

  /** Plain TCP, or TLS from the first byte (`tls: true`; the bench's certificates are self-signed). */
  static connect(port: number, opts: { host?: string; tls?: boolean } = {}): LineSocket {
    const host = opts.host ?? "127.0.0.1";
    const socket = opts.tls ? tls.connect({ host, port, rejectUnauthorized: false }) : net.connect({ host, port });
    return new LineSocket(socket);
  }

  /** The next line the peer sends, without its CRLF. */
  nextLine(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  write(text: string): void {
    this.socket.write(text);
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    // latin1 keeps every byte as one char, so a split multi-byte sequence cannot corrupt a line.
    const text = this.buffer + chunk.toString("latin1");
    // Walk the chunk with an index and keep only the unfinished tail: a pipelined reply of
    // hundreds of messages arrives in large chunks.
    let start = 0;
    let end: number;
    while ((end = text.indexOf("\r\n", start)) >= 0) {
      const line = text.slice(start, end);
      start = end + 2;
      const waiter = this.waiters.shift();
      if (waiter) waiter.resolve(line);
      else this.lines.push(line);
    }
    this.buffer = text.slice(start);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiters.splice(0)) w.reject(this.failure);
  }
}
