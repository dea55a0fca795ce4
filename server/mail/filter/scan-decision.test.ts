import { describe, expect, it } from "vitest";
import type { ResolvedRecipient } from "../engine.types";
import { DEFAULT_SPAM_POLICY, type SpamPolicyValues } from "./spam-policy-rules";
import { OUTBOUND_SPAM_SCORE, scanDecision, tenantsInvolved, VIRUS_SCANNED_HEADER, type ScanDecisionInput } from "./scan-decision";

const local = (tenantId: string, address: string): ResolvedRecipient => ({
  rcpt: address,
  local: [{ mailboxId: `mb-${address}`, tenantId, address, rcpt: address }],
  remote: [],
  maxMessageBytes: 1e8,
});
const remote = (address: string, tenantId: string | null): ResolvedRecipient => ({ rcpt: address, local: [], remote: [{ recipient: address, rcpt: address, tenantId }], maxMessageBytes: 1e8 });

const strict: SpamPolicyValues = { addHeaderScore: 3, quarantineScore: 4, rejectScore: 6, virusAction: "quarantine" };
const policies = new Map<string, SpamPolicyValues>([["strict", strict]]);
const clean = { infected: false } as const;
const score = (n: number) => ({ scanned: true as const, score: n, symbols: [{ name: "SYM", score: n }] });
const base = (over: Partial<ScanDecisionInput>): ScanDecisionInput => ({ listener: "mx", recipients: [local("a", "a@a.test")], senderTenantId: null, spam: score(0), virus: clean, policies, ...over });

describe("scanDecision: spam on the MX", () => {
  it("delivers a clean message with X-Spam-Status: No and the virus header", () => {
    const d = scanDecision(base({ spam: score(1.25) }));
    expect(d).toEqual({ refusal: null, quarantine: null, outboundSpam: null, headers: ["X-Spam-Score: 1.3", "X-Spam-Status: No, score=1.3 required=12.0", VIRUS_SCANNED_HEADER] });
  });

  it("adds X-Spam: Yes at the add-header threshold (default 12)", () => {
    const d = scanDecision(base({ spam: score(12) }));
    expect(d.headers).toEqual(["X-Spam-Score: 12.0", "X-Spam-Status: Yes, score=12.0 required=12.0", "X-Spam: Yes", VIRUS_SCANNED_HEADER]);
    expect(d.quarantine).toBeNull();
  });

  it("quarantines at the quarantine threshold and refuses at the reject threshold (defaults 16.3 / 30)", () => {
    expect(scanDecision(base({ spam: score(16.2) })).quarantine).toBeNull();
    expect(scanDecision(base({ spam: score(16.3) })).quarantine).toEqual({ kind: "spam", score: 16.3, reasons: [{ name: "SYM", score: 16.3 }], tenantIds: ["a"] });
    const r = scanDecision(base({ spam: score(30) }));
    expect(r.refusal).toMatchObject({ code: 550, enhanced: "5.7.1" });
    expect(r.refusal?.text).toContain("30.0");
  });

  it("honours each tenant's thresholds on one message: the strict tenant holds, the other delivers", () => {
    const d = scanDecision(base({ recipients: [local("a", "a@a.test"), local("strict", "s@s.test")], spam: score(4.5) }));
    expect(d.refusal).toBeNull();
    expect(d.quarantine?.tenantIds).toEqual(["strict"]);
    // Headers are shared: the lowest add-header threshold (3) decides.
    expect(d.headers).toContain("X-Spam: Yes");
    expect(d.headers).toContain("X-Spam-Status: Yes, score=4.5 required=3.0");
  });

  it("refuses only when every recipient's tenant would refuse; otherwise holds for the refusing ones", () => {
    const two = [local("a", "a@a.test"), local("strict", "s@s.test")];
    const mixed = scanDecision(base({ recipients: two, spam: score(7) }));
    expect(mixed.refusal).toBeNull();
    expect(mixed.quarantine?.tenantIds).toEqual(["strict"]);
    const both = scanDecision(base({ recipients: two, spam: score(30) }));
    expect(both.refusal?.text).toContain("threshold 30.0");
  });

  it("counts remote recipients with their tenant's policy (platform default without one) and never holds them", () => {
    const withRemote = [local("strict", "s@s.test"), remote("x@out.test", null)];
    const d = scanDecision(base({ recipients: withRemote, spam: score(7) }));
    expect(d.refusal).toBeNull();
    expect(d.quarantine?.tenantIds).toEqual(["strict"]);
    expect(scanDecision(base({ recipients: withRemote, spam: score(30) })).refusal?.code).toBe(550);
    expect(scanDecision(base({ recipients: [remote("x@out.test", "strict")], spam: score(6) })).refusal?.code).toBe(550);
  });

  it("says when rspamd did not scan (too large) and still marks the virus scan", () => {
    const d = scanDecision(base({ spam: { scanned: false, why: "larger than 10 MB" } }));
    expect(d.headers).toEqual(["X-Spam-Status: No, score=0.0 required=12.0 (not scanned: larger than 10 MB)", VIRUS_SCANNED_HEADER]);
    expect(d.refusal).toBeNull();
  });
});

describe("scanDecision: viruses", () => {
  const virus = { infected: true, signature: "Eicar-Signature" } as const;
  it("refuses 554 5.7.1 naming the signature by default", () => {
    const d = scanDecision(base({ virus }));
    expect(d.refusal).toEqual({ code: 554, enhanced: "5.7.1", text: "Message rejected: virus found (Eicar-Signature)" });
  });
  it("quarantines every local copy when a recipient tenant holds viruses", () => {
    const d = scanDecision(base({ virus, recipients: [local("a", "a@a.test"), local("strict", "s@s.test")] }));
    expect(d.refusal).toBeNull();
    expect(d.quarantine).toEqual({ kind: "virus", score: null, reasons: [{ name: "CLAMAV_VIRUS", description: "Eicar-Signature" }], tenantIds: ["a", "strict"] });
  });
  it("never relays a virus: with a remote recipient, or on submission, it is refused", () => {
    expect(scanDecision(base({ virus, recipients: [local("strict", "s@s.test"), remote("x@out.test", "strict")] })).refusal?.code).toBe(554);
    expect(scanDecision(base({ virus, listener: "submission", senderTenantId: "strict", recipients: [local("strict", "s@s.test")] })).refusal?.code).toBe(554);
  });
});

describe("scanDecision: submission", () => {
  it("refuses outbound spam at the platform threshold whatever the sender tenant's policy, and reports it", () => {
    const lenient: SpamPolicyValues = { ...DEFAULT_SPAM_POLICY, quarantineScore: 30, rejectScore: 50 };
    const d = scanDecision(base({ listener: "submission", senderTenantId: "len", policies: new Map([["len", lenient]]), recipients: [remote("x@out.test", "len")], spam: score(OUTBOUND_SPAM_SCORE) }));
    expect(d.refusal).toMatchObject({ code: 550, enhanced: "5.7.1" });
    expect(d.outboundSpam).toEqual({ score: OUTBOUND_SPAM_SCORE, symbols: ["SYM"] });
  });
  it("sends mail below it", () => {
    const d = scanDecision(base({ listener: "submission", senderTenantId: "a", recipients: [remote("x@out.test", "a")], spam: score(OUTBOUND_SPAM_SCORE - 0.1) }));
    expect(d.refusal).toBeNull();
    expect(d.outboundSpam).toBeNull();
  });
});

describe("tenantsInvolved", () => {
  it("lists local, remote and sender tenants once each", () => {
    expect(tenantsInvolved([local("a", "1@a"), local("a", "2@a"), remote("x@o", "b"), remote("y@o", null)], "c")).toEqual(["a", "b", "c"]);
  });
});
