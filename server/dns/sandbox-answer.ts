// Encodes the sandbox's answers. dns2's encoder writes bit by bit (~2.5 ms for a 1 kB answer,
// twice when a truncated UDP answer is retried over TCP), which would dominate a 10,000-domain
// re-verification; so each (name, type) answer is encoded once per zone version and reused
// with the request's id and RD bit patched in.
import { Packet, type Resource } from "dns2";
import { typeName } from "./wire";
import { answerQuestion, type Zone } from "./sandbox-zone";
import type { SandboxRecordValue } from "./sandbox-records.types";

const UDP_LIMIT = 512; // RFC 1035 §4.2.1, when the query carries no EDNS OPT record
const MAX_CACHED = 50_000;

export type AnswerCache = Map<string, Buffer>;

/** The answer to one request: AA set, one question only, standard queries only. */
export function respond(zone: Zone, request: Packet): Packet {
  const response = Packet.createResponseFromRequest(request);
  response.header.aa = 1;
  const question = request.questions[0];
  if (request.header.opcode !== 0) response.header.rcode = 4; // NOTIMP
  else if (request.questions.length !== 1 || !question) response.header.rcode = 1; // FORMERR
  else {
    const { rcode, answers } = answerQuestion(zone, question.name, typeName(question.type) ?? String(question.type));
    response.header.rcode = rcode;
    response.answers = answers.map(toResource);
  }
  return response;
}

/** The wire answer; over UDP (`udp` true) one larger than the client accepts is cut to header and question, with TC set. */
export function answerBuffer(zone: Zone, cache: AnswerCache, request: Packet, udp: boolean): Buffer {
  const q = request.questions[0];
  // Only canonical questions are cached: the answer echoes the question, and case must round-trip.
  const key = request.header.opcode === 0 && request.questions.length === 1 && q && q.name === q.name.toLowerCase() ? `${q.name} ${q.type} ${q.class}` : undefined;
  let body = key === undefined ? undefined : cache.get(key);
  if (!body) {
    body = respond(zone, request).toBuffer();
    if (key !== undefined) {
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(key, Buffer.from(body));
    }
  }
  const out = Buffer.from(body);
  out.writeUInt16BE(request.header.id, 0);
  out[2] = (out[2]! & ~0x01) | (request.header.rd ? 0x01 : 0);
  return udp && out.length > udpLimit(request) ? truncated(out) : out;
}

function udpLimit(request: Packet): number {
  const opt = request.additionals.find((r) => r && r.type === Packet.TYPE.EDNS);
  return Math.max(UDP_LIMIT, opt?.class ?? 0);
}

/** Header and question only, TC set, no records (RFC 2181 §9: the client retries over TCP). */
function truncated(message: Buffer): Buffer {
  let end = 12;
  if (message.readUInt16BE(4) > 0) {
    while (message[end]! !== 0) end += 1 + message[end]!; // the question name is never compressed
    end += 1 + 4;
  }
  const out = Buffer.from(message.subarray(0, end));
  out[2] = out[2]! | 0x02;
  out.writeUInt16BE(0, 6);
  out.writeUInt16BE(0, 8);
  out.writeUInt16BE(0, 10);
  return out;
}

function toResource(r: SandboxRecordValue): Resource {
  const base = { name: r.name, class: Packet.CLASS.IN, ttl: r.ttl };
  switch (r.type) {
    case "A":
      return new Packet.Resource({ ...base, type: Packet.TYPE.A, address: r.data.address });
    case "AAAA":
      return new Packet.Resource({ ...base, type: Packet.TYPE.AAAA, address: r.data.address });
    case "MX":
      return new Packet.Resource({ ...base, type: Packet.TYPE.MX, priority: r.data.preference, exchange: r.data.exchange });
    case "TXT":
      return new Packet.Resource({ ...base, type: Packet.TYPE.TXT, data: r.data.strings });
    case "CNAME":
      return new Packet.Resource({ ...base, type: Packet.TYPE.CNAME, domain: r.data.target });
  }
}
