import { createHash, sign, type KeyObject } from "node:crypto";
import { toCrlf } from "@/server/mail/smtp/read-message";
import { relaxedBody, relaxedHeader, splitMessage, type HeaderField } from "./dkim-canonical";

// A DKIM-Signature (RFC 6376), rsa-sha256, relaxed/relaxed. Written here rather than with
// mailauth's dkimSign because mailauth signs only the header instances present, and From must
// be oversigned: listing it once more than it occurs makes a verifier hash an empty value for
// the extra instance, so a From added in transit (a second From a reader might be shown)
// breaks the signature. Verified against mailauth's dkimVerify in the tests.

/** The fields signed when present (RFC 6376 §5.4.1's list, plus List-*): each instance of each. */
export const SIGNED_HEADERS = [
  "from",
  "sender",
  "reply-to",
  "subject",
  "date",
  "message-id",
  "to",
  "cc",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
  "content-id",
  "content-description",
  "in-reply-to",
  "references",
  "resent-date",
  "resent-from",
  "resent-sender",
  "resent-to",
  "resent-cc",
  "resent-message-id",
  "list-id",
  "list-help",
  "list-unsubscribe",
  "list-unsubscribe-post",
  "list-subscribe",
  "list-post",
  "list-owner",
  "list-archive",
  "auto-submitted",
] as const;

/** Signed once more than they occur (also when absent), so none can be added after signing. */
export const OVERSIGNED_HEADERS = ["from"] as const;

export type DkimSignInput = {
  bytes: Buffer;
  domain: string;
  selector: string;
  privateKey: KeyObject;
  /** The signature's time (t=), whole seconds. */
  at: Date;
};

/** The header names for h= and the fields they select, bottom-up per name as a verifier picks them. */
function selectFields(fields: HeaderField[]): { names: string[]; chosen: HeaderField[] } {
  const names: string[] = [];
  const chosen: HeaderField[] = [];
  for (const name of SIGNED_HEADERS) {
    const present = fields.filter((f) => f.name.toLowerCase() === name).reverse();
    for (const f of present) {
      names.push(name);
      chosen.push(f);
    }
    if ((OVERSIGNED_HEADERS as readonly string[]).includes(name)) names.push(name);
  }
  return { names, chosen };
}

/** Folds `tag=value` items into lines under 78 characters; long values (b=, bh=, h=) are cut where a verifier ignores whitespace. */
function fold(tags: string[]): string {
  const lines: string[] = ["DKIM-Signature: v=1;"];
  for (const tag of tags) {
    const current = lines[lines.length - 1]!;
    if (current.length + tag.length + 2 <= 78) {
      lines[lines.length - 1] = `${current} ${tag}`;
      continue;
    }
    // h= may be cut only after a colon, base64 (b=, bh=) anywhere: whitespace inside them is ignored.
    const pieces = tag.startsWith("h=") ? tag.split(/(?<=:)/) : (tag.match(/.{1,70}/g) ?? [tag]);
    let line = "";
    for (const piece of pieces) {
      if (line.length + piece.length > 72 && line) {
        lines.push(`\t${line}`);
        line = "";
      }
      line += piece;
    }
    lines.push(`\t${line}`);
  }
  return lines.join("\r\n");
}

/** The `DKIM-Signature: …` field to put on top of the message, folded, ending in CRLF. */
export function dkimSignatureHeader(input: DkimSignInput): string {
  const { fields, body } = splitMessage(input.bytes);
  const { names, chosen } = selectFields(fields);
  const bh = createHash("sha256").update(relaxedBody(body)).digest("base64");
  const tags = [
    "a=rsa-sha256;",
    "c=relaxed/relaxed;",
    `d=${input.domain};`,
    `s=${input.selector};`,
    `t=${Math.floor(input.at.getTime() / 1000)};`,
    `h=${names.join(":")};`,
    `bh=${bh};`,
  ];
  const unsigned = fold([...tags, "b="]);
  const signed = Buffer.from(`${chosen.map((f) => `${relaxedHeader(f.raw)}\r\n`).join("")}${relaxedHeader(unsigned)}`, "latin1");
  const b = sign("sha256", signed, input.privateKey).toString("base64");
  return `${fold([...tags, `b=${b}`])}\r\n`;
}

/**
 * The message with its signature prepended, in the form it takes on the wire: CRLF line ends
 * throughout (the store has them already; a bare CR or LF becomes CRLF) and a final CRLF.
 * Verifiers (mailauth, dkimpy) canonicalize bare line ends and an unterminated last line in
 * their own ways, so the signed bytes must be exactly the bytes sent.
 */
export function dkimSign(input: DkimSignInput): Buffer {
  const crlf = toCrlf(input.bytes);
  const bytes = crlf.subarray(-2).toString("latin1") === "\r\n" ? crlf : Buffer.concat([crlf, Buffer.from("\r\n")]);
  return Buffer.concat([Buffer.from(dkimSignatureHeader({ ...input, bytes }), "latin1"), bytes]);
}
