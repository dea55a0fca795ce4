// A raw POP3 client (RFC 1939) for the bench's end-to-end probe: implicit TLS (POP3S), USER/PASS,
// UIDL, RETR, DELE, QUIT — the commands a mail client uses to pick up new mail (RETR and DELE
// pipelined, RFC 2449).
import { LineSocket } from "./line-socket";

export class Pop3Client {
  private constructor(private readonly line: LineSocket) {}

  static async open(port: number, user: string, password: string): Promise<Pop3Client> {
    const c = new Pop3Client(LineSocket.connect(port, { tls: true }));
    try {
      await c.status(null);
      await c.status(`USER ${user}\r\n`);
      await c.status(`PASS ${password}\r\n`);
    } catch (e) {
      c.line.close();
      throw e;
    }
    return c;
  }

  /** One single-line reply; throws on -ERR. */
  private async status(text: string | null): Promise<string> {
    if (text !== null) this.line.write(text);
    const reply = await this.line.nextLine();
    if (!reply.startsWith("+OK")) throw new Error(`${text?.split(" ")[0]?.trim() ?? "greeting"} -> ${reply}`);
    return reply;
  }

  /** A multi-line reply's lines, dot-unstuffed, without the terminating ".". */
  private async multiline(text: string | null): Promise<string[]> {
    await this.status(text);
    const lines: string[] = [];
    for (;;) {
      const l = await this.line.nextLine();
      if (l === ".") return lines;
      lines.push(l.startsWith("..") ? l.slice(1) : l);
    }
  }

  /** Message number → unique id, for every message in the maildrop. */
  async uidl(): Promise<Map<number, string>> {
    const map = new Map<number, string>();
    for (const l of await this.multiline("UIDL\r\n")) {
      const [n, uid] = l.split(" ");
      if (n && uid) map.set(Number(n), uid);
    }
    return map;
  }

  /**
   * RETR of each of `ns` sent at once (RFC 2449 PIPELINING, which the engine advertises, as mpop
   * uses it); `onMessage` runs as each message arrives.
   */
  async retrPipelined(ns: readonly number[], onMessage: (n: number, lines: string[]) => void): Promise<void> {
    this.line.write(ns.map((n) => `RETR ${n}\r\n`).join(""));
    for (const n of ns) onMessage(n, await this.multiline(null));
  }

  /** DELE of each of `ns`, pipelined. */
  async delePipelined(ns: readonly number[]): Promise<void> {
    this.line.write(ns.map((n) => `DELE ${n}\r\n`).join(""));
    for (const _ of ns) await this.status(null);
  }

  /** QUIT applies the deletions (UPDATE state). */
  async quit(): Promise<void> {
    await this.status("QUIT\r\n");
    this.line.close();
  }

  close(): void {
    this.line.close();
  }
}

/** The value of header `name` in a message's lines (headers end at the first empty line). */
export function headerValue(lines: readonly string[], name: string): string | null {
  const prefix = `${name.toLowerCase()}:`;
  for (const l of lines) {
    if (l === "") return null;
    if (l.toLowerCase().startsWith(prefix)) return l.slice(prefix.length).trim();
  }
  return null;
}
