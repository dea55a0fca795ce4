import { describe, expect, it } from "vitest";
import { billingUrl, composeReminderMail, type ReminderFacts } from "./reminder-mail";

const facts: ReminderFacts = {
  tenantName: "甲公司",
  balance: 100_000,
  currency: "CNY",
  runsOutDay: "2026-07-01",
  paidThroughDay: "2026-06-30",
  daysLeft: 7,
  billingUrl: "https://portal.example.test/console/billing",
};

describe("composeReminderMail", () => {
  it("says it in Chinese first, then in English, with the same facts", () => {
    const { subject, text } = composeReminderMail(facts);
    expect(subject).toBe("【Mailstead】余额将于 2026-07-01 用尽，还剩 7 天 / Your balance runs out on 2026-07-01 (7 days left)");
    const [zh, en] = text.split("----------------------------------------");
    for (const part of [zh!, en!]) {
      expect(part).toContain("¥1,000.00");
      expect(part).toContain("2026-06-30");
      expect(part).toContain("2026-07-01");
      expect(part).toContain("https://portal.example.test/console/billing");
      expect(part).toContain("甲公司");
    }
    expect(zh).toContain("还剩 7 天");
    expect(en).toContain("(7 days left)");
  });

  it("uses the singular for one day and leaves out the paid-through day when there is none", () => {
    const { subject, text } = composeReminderMail({ ...facts, daysLeft: 1, paidThroughDay: null, balance: 0 });
    expect(subject).toContain("(1 day left)");
    expect(text).not.toContain("pays for the service through");
    expect(text).not.toContain("可支付服务至");
    expect(text).toContain("¥0.00");
  });
});

describe("billingUrl", () => {
  it("joins the public address and the billing page whatever the trailing slash", () => {
    expect(billingUrl("http://localhost:3000")).toBe("http://localhost:3000/console/billing");
    expect(billingUrl("https://mail.example.test/portal/")).toBe("https://mail.example.test/portal/console/billing");
  });
});
