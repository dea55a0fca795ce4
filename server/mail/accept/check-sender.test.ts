import { describe, expect, it } from "vitest";
import type { MailAccount } from "../engine.types";
import { checkSender } from "./check-sender";

const account: MailAccount = {
  mailboxId: "mb1",
  tenantId: "t1",
  address: "zhang@example.com",
  sendAs: ["zhang@example.com", "sales@example.com"],
  timeZone: "Asia/Shanghai",
  dailySendLimit: 1000,
};

describe("checkSender on MX", () => {
  it("takes any well-formed sender and the null sender", () => {
    expect(checkSender({ listener: "mx", mailFrom: "someone@other.example", sender: null })).toBeNull();
    expect(checkSender({ listener: "mx", mailFrom: "", sender: null })).toBeNull();
    expect(checkSender({ listener: "mx", mailFrom: "Li@例子.中国", sender: null })).toBeNull();
  });

  it("refuses a malformed sender with 501 5.1.7", () => {
    expect(checkSender({ listener: "mx", mailFrom: "not-an-address", sender: null })).toEqual({
      code: 501,
      enhanced: "5.1.7",
      text: "Bad sender address syntax <not-an-address>: Enter one address with a single @, e.g. name@example.com",
    });
  });
});

describe("checkSender on submission", () => {
  it("lets the account send as its own address and its aliases, in any case", () => {
    expect(checkSender({ listener: "submission", mailFrom: "zhang@example.com", sender: account })).toBeNull();
    expect(checkSender({ listener: "submission", mailFrom: "Sales@Example.COM", sender: account })).toBeNull();
  });

  it("refuses someone else's address with 553 5.7.1, naming both", () => {
    expect(checkSender({ listener: "submission", mailFrom: "boss@example.com", sender: account })).toEqual({
      code: 553,
      enhanced: "5.7.1",
      text: "Sender address rejected: boss@example.com is not owned by zhang@example.com",
    });
  });

  it("refuses the null sender with 553 5.7.1", () => {
    expect(checkSender({ listener: "submission", mailFrom: "", sender: account })).toMatchObject({ code: 553, enhanced: "5.7.1" });
  });

  it("refuses a sender that did not authenticate with 530 5.7.0", () => {
    expect(checkSender({ listener: "submission", mailFrom: "zhang@example.com", sender: null })).toMatchObject({ code: 530, enhanced: "5.7.0" });
  });
});
