import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/server/shared/env";
import { platformDnsSettings, platformDnsSettingsFrom } from "./platform-settings";

describe("platform DNS settings", () => {
  afterEach(() => {
    delete process.env.PLATFORM_DOMAIN;
    delete process.env.MX_HOSTS;
    resetEnvCache();
  });

  it("defaults to seed 003: mx-n priority 5, mx1-n priority 50, TTL 1 hour", () => {
    const s = platformDnsSettingsFrom({ PLATFORM_DOMAIN: "mailstead.net", MX_HOSTS: undefined, DMARC_REPORT_ADDRESS: undefined });
    expect(s).toEqual({
      platformDomain: "mailstead.net",
      mx: [
        { host: "mx-n.mailstead.net", priority: 5 },
        { host: "mx1-n.mailstead.net", priority: 50 },
      ],
      ttl: 3600,
      spfInclude: "spf.mailstead.net",
      cnameTargets: { webmail: "webmail.mailstead.net", smtp: "smtp.mailstead.net", pop: "pop.mailstead.net", imap: "imap.mailstead.net" },
      dmarcReportAddress: "dmarc-reports@mailstead.net",
      ownershipLabel: "_mailstead-verify",
      ownershipPrefix: "mailstead-verification=",
    });
  });

  it("reads the environment through env(), sorting MX hosts by priority", () => {
    process.env.PLATFORM_DOMAIN = "Mail.Example.CN";
    process.env.MX_HOSTS = "b.mail.example.cn:20,A.mail.example.cn.:10";
    resetEnvCache();
    const s = platformDnsSettings();
    expect(s.platformDomain).toBe("mail.example.cn");
    expect(s.mx).toEqual([
      { host: "a.mail.example.cn", priority: 10 },
      { host: "b.mail.example.cn", priority: 20 },
    ]);
    expect(s.spfInclude).toBe("spf.mail.example.cn");
  });
});
