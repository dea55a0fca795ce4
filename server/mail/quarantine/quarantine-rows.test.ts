import { describe, expect, it } from "vitest";
import { parseReasons, toQuarantineRow } from "./quarantine-rows";

describe("parseReasons", () => {
  it("reads the filters' reasons, scores and descriptions", () => {
    expect(parseReasons([{ name: "GTUBE", score: 1000, description: "Generic unsolicited bulk email test" }, { name: "BAYES_SPAM" }])).toEqual([
      { name: "GTUBE", score: 1000, description: "Generic unsolicited bulk email test" },
      { name: "BAYES_SPAM", score: null, description: null },
    ]);
  });

  it("reads a JSON string as the driver may return it", () => {
    expect(parseReasons('[{"name":"Eicar-Test-Signature"}]')).toEqual([{ name: "Eicar-Test-Signature", score: null, description: null }]);
  });

  it.each([null, 42, "not json", "{}", { name: "x" }])("shows no reasons for %j", (raw) => {
    expect(parseReasons(raw)).toEqual([]);
  });

  it("skips entries without a name and odd scores", () => {
    expect(parseReasons([{ score: 3 }, "x", { name: "R", score: "high" }, { name: "N", score: Number.NaN }])).toEqual([
      { name: "R", score: null, description: null },
      { name: "N", score: null, description: null },
    ]);
  });

  it("caps the list", () => {
    expect(parseReasons(Array.from({ length: 80 }, (_, i) => ({ name: `S${i}` })))).toHaveLength(50);
  });
});

describe("toQuarantineRow", () => {
  it("gives the id as text and the mailbox's address", () => {
    const at = new Date("2026-11-26T00:00:00Z");
    const row = toQuarantineRow({
      id: 12n,
      messageId: "01JXXXXXXXXXXXXXXXXXXXXXXX",
      rcpt: "sales@corp.example",
      sender: "spam@bad.example",
      subject: "Win",
      kind: "spam",
      score: 15.2,
      reasons: [{ name: "GTUBE", score: 1000 }],
      size: 1234,
      receivedAt: at,
      expiresAt: at,
      releasedAt: null,
      releasedBy: null,
      mailbox: { address: "zhang@corp.example" },
    });
    expect(row.id).toBe("12");
    expect(row.mailbox).toBe("zhang@corp.example");
    expect(row.reasons).toEqual([{ name: "GTUBE", score: 1000, description: null }]);
  });
});
