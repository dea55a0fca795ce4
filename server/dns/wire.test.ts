import { describe, expect, it } from "vitest";
import { Packet } from "dns2";
import { buildQuery, MalformedAnswer, parseMessage } from "./wire";

// The strict answer parser: every length is checked, a bad answer is an error, never an empty answer.
function answer(records: object[], header: object = {}): Buffer {
  const p = new Packet();
  p.header = new Packet.Header({ id: 7, qr: 1, aa: 1, ...header });
  p.questions.push(new Packet.Question("example.test", Packet.TYPE.TXT, Packet.CLASS.IN));
  p.answers = records.map((r) => new Packet.Resource({ name: "example.test", class: Packet.CLASS.IN, ttl: 60, ...r }));
  return p.toBuffer();
}

describe("parseMessage", () => {
  it("reads the header, the question and typed records", () => {
    const m = parseMessage(
      answer([
        { type: Packet.TYPE.TXT, data: ["v=DKIM1; p=AB", "CD"] },
        { type: Packet.TYPE.MX, priority: 5, exchange: "MX-N.Mailstead.net" },
        { type: Packet.TYPE.AAAA, address: "2001:db8:0:0:0:0:0:1" },
        { type: Packet.TYPE.A, address: "192.0.2.1" },
        { type: Packet.TYPE.CNAME, domain: "target.test" },
        { type: Packet.TYPE.SOA, primary: "ns.test", admin: "h.test", serial: 1, refresh: 1, retry: 1, expiration: 1, minimum: 1 },
      ]),
    );
    expect(m).toMatchObject({ id: 7, qr: true, tc: false, rcode: 0, question: { name: "example.test", type: 16 } });
    expect(m.answers).toEqual([
      { type: "TXT", name: "example.test", ttl: 60, strings: ["v=DKIM1; p=AB", "CD"] },
      { type: "MX", name: "example.test", ttl: 60, priority: 5, exchange: "mx-n.mailstead.net" },
      { type: "AAAA", name: "example.test", ttl: 60, address: "2001:db8::1" },
      { type: "A", name: "example.test", ttl: 60, address: "192.0.2.1" },
      { type: "CNAME", name: "example.test", ttl: 60, target: "target.test" },
    ]);
  });

  it("reads the TC bit and the response code", () => {
    expect(parseMessage(answer([], { tc: 1, rcode: 3 }))).toMatchObject({ tc: true, rcode: 3, answers: [] });
  });

  it("builds a recursive query dns2 itself reads back", () => {
    const q = Packet.parse(buildQuery(42, "Example.TEST.", "MX"));
    expect(q.header).toMatchObject({ id: 42, rd: 1, qr: 0 });
    expect(q.questions[0]).toMatchObject({ name: "example.test", type: Packet.TYPE.MX, class: Packet.CLASS.IN });
  });

  const bad = (buf: Buffer, message: RegExp) => expect(() => parseMessage(buf)).toThrow(message);
  const good = answer([{ type: Packet.TYPE.TXT, data: ["hello"] }]);

  it("rejects a message cut anywhere", () => {
    for (let cut = 0; cut < good.length; cut++) expect(() => parseMessage(good.subarray(0, cut))).toThrow(MalformedAnswer);
  });

  it("rejects a TXT string that runs past its record", () => {
    const b = Buffer.from(good);
    b[b.length - 6] = 200; // the length byte of "hello"
    bad(b, /TXT character-string of 200 bytes runs past its record/);
  });

  it("rejects wrong record lengths", () => {
    const a = answer([{ type: Packet.TYPE.A, address: "192.0.2.1" }]);
    const b = Buffer.from(a);
    b.writeUInt16BE(3, b.length - 6); // RDLENGTH 3 for an A record
    bad(b, /A record data is 3 bytes, expected 4/);
  });

  it("rejects a compression pointer that loops or points forward", () => {
    const b = Buffer.from(good);
    // The answer's owner name is a pointer to the question name (offset 12); point it at itself.
    const at = b.indexOf(Buffer.from([0xc0, 12]), 12);
    b[at + 1] = at;
    bad(b, /name pointer loops or points forward/);
  });

  it("rejects an invalid label length byte", () => {
    const b = Buffer.from(good);
    b[12] = 0x41;
    bad(b, /invalid label length byte 0x41/);
  });
});
