import { describe, expect, it } from "vitest";
import { Packet } from "dns2";
import { answerBuffer, type AnswerCache } from "./sandbox-answer";
import { buildZone } from "./sandbox-zone";
import { parseMessage } from "./wire";
import { sandbox } from "./sandbox-records.types";

const { zone } = buildZone([
  { ...sandbox.mx("example.test", 5, "mx.example.test"), ttl: 3600 },
  ...Array.from({ length: 10 }, (_, i) => ({ ...sandbox.txt("big.example.test", `record-${i}-${"x".repeat(90)}`), ttl: 3600 })),
]);

function request(name: string, type: number, id: number, extra: { rd?: 0 | 1; edns?: number } = {}): Packet {
  const p = new Packet();
  p.header.id = id;
  p.header.rd = extra.rd ?? 1;
  p.questions.push(new Packet.Question(name, type, Packet.CLASS.IN));
  if (extra.edns) p.additionals.push({ ...Packet.Resource.EDNS([]), class: extra.edns } as never);
  return Packet.parse(p.toBuffer());
}

describe("answerBuffer", () => {
  it("reuses one encoding per question, with each request's id and RD bit", () => {
    const cache: AnswerCache = new Map();
    const a = parseMessage(answerBuffer(zone, cache, request("example.test", Packet.TYPE.MX, 1), true));
    const raw = answerBuffer(zone, cache, request("example.test", Packet.TYPE.MX, 0xbeef, { rd: 0 }), true);
    const b = parseMessage(raw);
    expect(cache.size).toBe(1);
    expect([a.id, b.id]).toEqual([1, 0xbeef]);
    expect([raw[2]! & 0x01, raw[2]! & 0x04]).toEqual([0, 0x04]); // RD echoed (off), AA set
    expect(b.answers).toEqual(a.answers);
  });

  it("echoes a question in mixed case without caching it", () => {
    const cache: AnswerCache = new Map();
    const m = Packet.parse(answerBuffer(zone, cache, request("Example.TEST", Packet.TYPE.MX, 2), true));
    expect(m.questions[0]?.name).toBe("Example.TEST");
    expect(m.answers).toHaveLength(1);
    expect(cache.size).toBe(0);
  });

  it("cuts a UDP answer over 512 bytes to header and question with TC set, unless EDNS allows more", () => {
    const cache: AnswerCache = new Map();
    const udp = answerBuffer(zone, cache, request("big.example.test", Packet.TYPE.TXT, 3), true);
    expect(udp.length).toBeLessThanOrEqual(512);
    expect(parseMessage(udp)).toMatchObject({ id: 3, tc: true, answers: [], question: { name: "big.example.test", type: 16 } });
    const tcp = parseMessage(answerBuffer(zone, cache, request("big.example.test", Packet.TYPE.TXT, 4), false));
    expect(tcp).toMatchObject({ tc: false });
    expect(tcp.answers).toHaveLength(10);
    const edns = parseMessage(answerBuffer(zone, cache, request("big.example.test", Packet.TYPE.TXT, 5, { edns: 4096 }), true));
    expect(edns.answers).toHaveLength(10);
  });
});
