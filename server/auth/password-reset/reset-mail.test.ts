import { describe, expect, it } from "vitest";
import { resetMail } from "./reset-mail";

describe("resetMail", () => {
  const mail = resetMail({ to: "admin@client.example", name: "王敏", link: "https://mail.example/reset-password/abc", expiresAt: new Date("2026-12-04T04:00:00Z") });

  it("is bilingual in the subject and the body", () => {
    expect(mail.subject).toBe("重置您的 Mailstead 密码 / Reset your Mailstead password");
    expect(mail.text).toContain("Hello 王敏,");
    expect(mail.text).toContain("王敏，您好：");
  });

  it("puts the link on its own line and gives the deadline in Beijing time", () => {
    expect(mail.text.split("\n").filter((l) => l === "https://mail.example/reset-password/abc")).toHaveLength(2);
    expect(mail.text).toContain("2026年12月4日 12:00");
  });
});
