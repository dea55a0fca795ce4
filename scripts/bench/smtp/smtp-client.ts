// The SMTP side of the bench's clients: one message per transaction, no pipelining (a plain MTA
// talking to an MX), each command waiting for its reply.
import { LineSocket } from "./line-socket";

export const RECIPIENT = "bench@bench.test";
export const SENDER = "load@example.org";

export class SmtpClient {
  private constructor(private readonly line: LineSocket) {}

  /** Connects, reads the 220 greeting and says EHLO. */
  static async open(port: number): Promise<SmtpClient> {
    const c = new SmtpClient(LineSocket.connect(port));
    try {
      await c.command(null, "220");
      await c.command("EHLO loadgen.bench.test\r\n", "250");
    } catch (e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** Sends `text` (null: nothing, just read) and reads one reply; throws unless it starts with `expect`. */
  async command(text: string | null, expect: string): Promise<string> {
    if (text !== null) this.line.write(text);
    let reply = await this.line.nextLine();
    // "250-..." continues a multi-line reply; the last line has a space after the code.
    while (reply[3] === "-") reply = await this.line.nextLine();
    if (!reply.startsWith(expect)) throw new Error(`${text?.trim().slice(0, 40) ?? "greeting"} -> ${reply}`);
    return reply;
  }

  /** One MAIL/RCPT/DATA transaction; resolves at the 250 after the final dot. */
  async send(body: string, recipient = RECIPIENT): Promise<void> {
    await this.command(`MAIL FROM:<${SENDER}>\r\n`, "250");
    await this.command(`RCPT TO:<${recipient}>\r\n`, "250");
    await this.command("DATA\r\n", "354");
    await this.command(`${body}.\r\n`, "250");
  }

  async quit(): Promise<void> {
    await this.command("QUIT\r\n", "221").catch(() => {});
    this.close();
  }

  close(): void {
    this.line.close();
  }
}

const FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\r\n";

/** A ~2 KB message (dot-safe: no line starts with "."), ending in CRLF; `tag` goes into its headers. */
export function benchMessage(tag: string, recipient = RECIPIENT): string {
  let s = `From: ${SENDER}\r\nTo: ${recipient}\r\nSubject: bench ${tag}\r\nMessage-ID: <${tag}@loadgen.bench.test>\r\nX-Bench-Tag: ${tag}\r\n\r\n`;
  while (s.length < 2048) s += FILLER;
  return s;
}
