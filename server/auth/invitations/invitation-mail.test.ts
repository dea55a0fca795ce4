import { describe, expect, it } from "vitest";
import { invitationMail } from "./invitation-mail";

describe("invitationMail", () => {
  const mail = invitationMail({
    to: "admin@client.example",
    name: "王敏",
    organisation: "星河贸易",
    invitedBy: "华东云经销商",
    link: "https://mail.example/invite/abc",
    expiresAt: new Date("2026-12-04T04:00:00Z"),
  });

  it("names the organisation in both languages in the subject", () => {
    expect(mail.subject).toContain("星河贸易");
    expect(mail.subject).toContain("Your Mailstead account");
  });

  it("puts the link on its own line and gives the deadline in Beijing time", () => {
    expect(mail.text.split("\n")).toContain("https://mail.example/invite/abc");
    expect(mail.text).toContain("2026年12月4日 12:00");
  });
});
