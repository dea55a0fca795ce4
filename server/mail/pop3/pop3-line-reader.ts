// Splits what a POP3 client sends into command lines. The buffer is bounded: a line longer than
// `maxBytes` is reported once as LINE_TOO_LONG and the rest of it is dropped as it arrives, so
// a client streaming a megabyte without a line end costs no memory.
export const LINE_TOO_LONG = Symbol("line too long");
export type ReadItem = string | typeof LINE_TOO_LONG;

const LF = 0x0a;
const CR = 0x0d;

export class LineReader {
  private parts: Buffer[] = [];
  private length = 0;
  private discarding = false;

  constructor(private readonly maxBytes: number) {}

  /** The complete lines in `chunk` (plus what was buffered before it), without their CRLF or bare LF. */
  push(chunk: Buffer): ReadItem[] {
    const items: ReadItem[] = [];
    let start = 0;
    while (start < chunk.length) {
      const lf = chunk.indexOf(LF, start);
      const piece = chunk.subarray(start, lf === -1 ? chunk.length : lf);
      start = lf === -1 ? chunk.length : lf + 1;
      if (this.discarding) {
        if (lf !== -1) this.discarding = false;
        continue;
      }
      if (this.length + piece.length > this.maxBytes) {
        items.push(LINE_TOO_LONG);
        this.reset();
        this.discarding = lf === -1;
        continue;
      }
      if (lf === -1) {
        // Copied: the caller may reuse the chunk's memory once we return.
        this.parts.push(Buffer.from(piece));
        this.length += piece.length;
        continue;
      }
      const line = this.parts.length ? Buffer.concat([...this.parts, piece]) : piece;
      this.reset();
      const end = line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length;
      items.push(line.toString("utf8", 0, end));
    }
    return items;
  }

  /** Forgets a partial line (after STLS: nothing sent in plaintext may be read as if it came over TLS). */
  reset(): void {
    this.parts = [];
    this.length = 0;
    this.discarding = false;
  }
}
