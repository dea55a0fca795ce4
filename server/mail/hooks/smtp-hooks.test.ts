import { afterEach, describe, expect, it } from "vitest";
import { refusal } from "../smtp-refusal";
import { hasHooks, registerSmtpHook, runDataHooks, runRefusingHooks, type DataContext } from "./smtp-hooks";

const removers: (() => void)[] = [];
afterEach(() => removers.splice(0).forEach((r) => r()));

const dataCtx = { id: "X", bytes: Buffer.from("x") } as unknown as DataContext;

describe("SMTP hooks", () => {
  it("is empty by default", async () => {
    expect(hasHooks("connect") || hasHooks("mailFrom") || hasHooks("rcptTo") || hasHooks("data")).toBe(false);
    expect(await runRefusingHooks("connect", { listener: "mx", clientIp: "127.0.0.1" })).toBeNull();
    expect(await runDataHooks(dataCtx)).toEqual({ refusal: null, headers: [], quarantine: null });
  });

  it("returns the first refusal, in registration order, and unregisters", async () => {
    const calls: string[] = [];
    removers.push(registerSmtpHook("mailFrom", () => (calls.push("a"), null)));
    const remove = registerSmtpHook("mailFrom", async () => (calls.push("b"), refusal(550, "5.7.1", "SPF fail")));
    removers.push(registerSmtpHook("mailFrom", () => (calls.push("c"), refusal(451, "4.7.1", "later"))));
    const ctx = { listener: "mx" as const, clientIp: "127.0.0.1", helo: "h", mailFrom: "a@b.test", sender: null };
    expect(await runRefusingHooks("mailFrom", ctx)).toEqual(refusal(550, "5.7.1", "SPF fail"));
    expect(calls).toEqual(["a", "b"]);
    remove();
    expect((await runRefusingHooks("mailFrom", ctx))?.code).toBe(451);
  });

  it("collects data hooks' headers and the first quarantine verdict; a refusal wins", async () => {
    removers.push(registerSmtpHook("data", () => ({ headers: ["X-Spam-Score: 1.0"] })));
    const first = { kind: "spam" as const, score: 9, reasons: [{ name: "BAYES_SPAM", score: 5.1 }], tenantIds: null };
    removers.push(registerSmtpHook("data", () => ({ headers: ["X-Virus: clean"], quarantine: first })));
    removers.push(registerSmtpHook("data", () => ({ quarantine: { ...first, kind: "dmarc" as const } })));
    expect(await runDataHooks(dataCtx)).toEqual({ refusal: null, headers: ["X-Spam-Score: 1.0", "X-Virus: clean"], quarantine: first });
    removers.push(registerSmtpHook("data", () => ({ refusal: refusal(554, "5.7.1", "virus found") })));
    expect((await runDataHooks(dataCtx)).refusal?.code).toBe(554);
  });
});
