// DNS messages on the wire. Queries are built with dns2's Packet; answers are read by a strict
// parser of our own, because dns2's Packet.parse logs and drops a record it cannot decode (a
// malformed answer would look like an empty one, and the checker would call a record "missing").
import { Packet } from "dns2";
import { QUERY_TYPES, type DnsRecord, type QueryType } from "./dns.types";

export class MalformedAnswer extends Error {}

const TYPE_CODES: Record<QueryType, number> = { A: 1, AAAA: 28, MX: 15, TXT: 16, CNAME: 5 };
const TYPE_NAMES = new Map<number, QueryType>(QUERY_TYPES.map((t) => [TYPE_CODES[t], t]));
const CLASS_IN = 1;

export const typeCode = (t: QueryType): number => TYPE_CODES[t];
export const typeName = (code: number): QueryType | undefined => TYPE_NAMES.get(code);

/** Lower-case, without the final dot: the form names are compared and stored in. */
export const canonicalName = (name: string): string => name.trim().replace(/\.$/, "").toLowerCase();

/** A query for one name and type; recursion desired so a recursive resolver resolves it for us. Throws on a name dns2 cannot encode. */
export function buildQuery(id: number, name: string, type: QueryType): Buffer {
  const packet = new Packet();
  packet.header.id = id;
  packet.header.rd = 1;
  packet.questions.push(new Packet.Question(canonicalName(name), TYPE_CODES[type], CLASS_IN));
  return packet.toBuffer();
}

export type ParsedMessage = {
  id: number;
  qr: boolean;
  tc: boolean;
  rcode: number;
  question?: { name: string; type: number };
  /** Answer records of the types we know; others (RRSIG, DNAME…) are skipped. */
  answers: DnsRecord[];
};

/** Parses the header, the question and the answer section, checking every length against the buffer. */
export function parseMessage(buf: Buffer): ParsedMessage {
  if (buf.length < 12) throw new MalformedAnswer(`${buf.length} bytes, shorter than a DNS header (12)`);
  const flags = buf.readUInt16BE(2);
  const qdcount = buf.readUInt16BE(4);
  const ancount = buf.readUInt16BE(6);
  let offset = 12;
  let question: ParsedMessage["question"];
  for (let i = 0; i < qdcount; i++) {
    const { name, next } = readName(buf, offset);
    need(buf, next, 4, "question");
    question ??= { name, type: buf.readUInt16BE(next) };
    offset = next + 4;
  }
  const answers: DnsRecord[] = [];
  for (let i = 0; i < ancount; i++) {
    const { name, next } = readName(buf, offset);
    need(buf, next, 10, `answer ${i + 1} of ${ancount}`);
    const type = buf.readUInt16BE(next);
    const ttl = buf.readUInt32BE(next + 4);
    const rdlength = buf.readUInt16BE(next + 8);
    const start = next + 10;
    need(buf, start, rdlength, `answer ${i + 1} of ${ancount}`);
    const record = readRdata(buf, start, rdlength, type, { name, ttl: Math.min(ttl, 0x7fffffff) });
    if (record) answers.push(record);
    offset = start + rdlength;
  }
  return { id: buf.readUInt16BE(0), qr: (flags & 0x8000) !== 0, tc: (flags & 0x0200) !== 0, rcode: flags & 0x000f, question, answers };
}

function need(buf: Buffer, at: number, length: number, what: string) {
  if (at + length > buf.length) throw new MalformedAnswer(`${what} runs past the end of the message (${buf.length} bytes)`);
}

function readRdata(buf: Buffer, start: number, length: number, type: number, base: { name: string; ttl: number }): DnsRecord | undefined {
  const end = start + length;
  const exact = (next: number, what: string) => {
    if (next !== end) throw new MalformedAnswer(`${what} record data is ${length} bytes but its content is ${next - start}`);
  };
  switch (typeName(type)) {
    case "A":
      if (length !== 4) throw new MalformedAnswer(`A record data is ${length} bytes, expected 4`);
      return { type: "A", ...base, address: [...buf.subarray(start, end)].join(".") };
    case "AAAA":
      if (length !== 16) throw new MalformedAnswer(`AAAA record data is ${length} bytes, expected 16`);
      return { type: "AAAA", ...base, address: formatIPv6(buf.subarray(start, end)) };
    case "MX": {
      if (length < 3) throw new MalformedAnswer(`MX record data is ${length} bytes, too short`);
      const { name, next } = readName(buf, start + 2, end);
      exact(next, "MX");
      return { type: "MX", ...base, priority: buf.readUInt16BE(start), exchange: name };
    }
    case "CNAME": {
      const { name, next } = readName(buf, start, end);
      exact(next, "CNAME");
      return { type: "CNAME", ...base, target: name };
    }
    case "TXT": {
      const strings: string[] = [];
      for (let at = start; at < end; ) {
        const len = buf[at]!;
        if (at + 1 + len > end) throw new MalformedAnswer(`a TXT character-string of ${len} bytes runs past its record`);
        strings.push(buf.toString("utf8", at + 1, at + 1 + len));
        at += 1 + len;
      }
      if (strings.length === 0) throw new MalformedAnswer("a TXT record with no character-string");
      return { type: "TXT", ...base, strings };
    }
    default:
      return undefined;
  }
}

/** Reads a possibly compressed name (RFC 1035 §4.1.4); `limit` bounds the labels read in place (rdata). */
function readName(buf: Buffer, offset: number, limit = buf.length): { name: string; next: number } {
  const labels: string[] = [];
  let at = offset;
  let next: number | undefined;
  let octets = 1;
  for (let jumps = 0; ; ) {
    if (at >= (next === undefined ? limit : buf.length)) throw new MalformedAnswer("a name runs past the end of its data");
    const len = buf[at]!;
    if ((len & 0xc0) === 0xc0) {
      if (at + 1 >= (next === undefined ? limit : buf.length)) throw new MalformedAnswer("a name pointer is cut off");
      next ??= at + 2;
      // A pointer must point backwards; anything else can loop or read ahead of the name.
      const target = ((len & 0x3f) << 8) | buf[at + 1]!;
      if (target >= at || ++jumps > 64) throw new MalformedAnswer("a name pointer loops or points forward");
      at = target;
      continue;
    }
    if (len & 0xc0) throw new MalformedAnswer(`a name has an invalid label length byte 0x${len.toString(16)}`);
    if (len === 0) return { name: labels.join(".").toLowerCase(), next: next ?? at + 1 };
    octets += len + 1;
    if (octets > 255) throw new MalformedAnswer("a name is longer than 255 octets");
    if (at + 1 + len > (next === undefined ? limit : buf.length)) throw new MalformedAnswer("a name label runs past the end of its data");
    labels.push(buf.toString("latin1", at + 1, at + 1 + len));
    at += 1 + len;
  }
}

/** RFC 5952 text form; the WHATWG URL parser already implements the compression rules. */
function formatIPv6(bytes: Buffer): string {
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  return new URL(`http://[${groups.join(":")}]/`).hostname.slice(1, -1);
}
