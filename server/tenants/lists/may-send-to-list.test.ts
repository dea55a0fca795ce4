import { describe, expect, it } from "vitest";
import type { ListPolicy } from "@/server/generated/prisma/enums.ts";
import { maySendToList, type ListForSending } from "./may-send-to-list";

// Seed 001 §6.2's example: beijing@abc.com for the Beijing branch; abc.cn is an alias domain of abc.com.
const base: Omit<ListForSending, "policy"> = {
  address: "beijing@abc.com",
  members: ["zhang.san@abc.com", "li.si@abc.com", "partner@outside.example"],
  senders: ["boss@abc.com", "Agency@Press.Example"],
  domains: [
    { name: "abc.com", aliasOf: null },
    { name: "abc.cn", aliasOf: "abc.com" },
    { name: "abc-group.com", aliasOf: null },
  ],
};
const list = (policy: ListPolicy, over: Partial<ListForSending> = {}): ListForSending => ({ ...base, policy, ...over });
const verdict = (policy: ListPolicy, sender: string, over: Partial<ListForSending> = {}) => maySendToList(list(policy, over), sender);
const reasonOf = (policy: ListPolicy, sender: string, over: Partial<ListForSending> = {}) => {
  const v = verdict(policy, sender, over);
  return v.allowed ? "allowed" : v.reason;
};

// Each kind of sender against each policy: the whole table the seed's four options imply.
const SENDERS = {
  member: "zhang.san@abc.com",
  outsideMember: "partner@outside.example",
  namedInside: "boss@abc.com",
  namedOutside: "agency@press.example",
  colleague: "wang.wu@abc.com",
  colleagueOnOtherDomain: "wang.wu@abc-group.com",
  colleagueOnAliasDomain: "wang.wu@abc.cn",
  stranger: "someone@gmail.com",
  bounce: "",
} as const;

const EXPECTED: Record<ListPolicy, Record<keyof typeof SENDERS, string>> = {
  anyone: {
    member: "allowed",
    outsideMember: "allowed",
    namedInside: "allowed",
    namedOutside: "allowed",
    colleague: "allowed",
    colleagueOnOtherDomain: "allowed",
    colleagueOnAliasDomain: "allowed",
    stranger: "allowed",
    bounce: "allowed",
  },
  members_and_senders: {
    member: "allowed",
    outsideMember: "allowed",
    namedInside: "allowed",
    namedOutside: "allowed",
    colleague: "not_member_or_sender",
    colleagueOnOtherDomain: "not_member_or_sender",
    colleagueOnAliasDomain: "not_member_or_sender",
    stranger: "not_member_or_sender",
    bounce: "no_sender",
  },
  senders_only: {
    member: "not_named_sender",
    outsideMember: "not_named_sender",
    namedInside: "allowed",
    namedOutside: "allowed",
    colleague: "not_named_sender",
    colleagueOnOtherDomain: "not_named_sender",
    colleagueOnAliasDomain: "not_named_sender",
    stranger: "not_named_sender",
    bounce: "no_sender",
  },
  organisation: {
    member: "allowed",
    outsideMember: "outside_organisation",
    namedInside: "allowed",
    namedOutside: "outside_organisation",
    colleague: "allowed",
    colleagueOnOtherDomain: "allowed",
    colleagueOnAliasDomain: "allowed",
    stranger: "outside_organisation",
    bounce: "no_sender",
  },
};

describe("maySendToList: every policy × every kind of sender", () => {
  for (const [policy, row] of Object.entries(EXPECTED) as [ListPolicy, Record<keyof typeof SENDERS, string>][]) {
    for (const [who, expected] of Object.entries(row) as [keyof typeof SENDERS, string][]) {
      it(`${policy}: ${who} → ${expected}`, () => expect(reasonOf(policy, SENDERS[who])).toBe(expected));
    }
  }
});

describe("maySendToList: addresses", () => {
  it("compares case-insensitively, on both sides, and ignores surrounding spaces", () => {
    expect(reasonOf("members_and_senders", "Zhang.San@ABC.com")).toBe("allowed");
    expect(reasonOf("senders_only", " agency@press.example ")).toBe("allowed"); // stored as "Agency@Press.Example"
    expect(reasonOf("organisation", "WANG@ABC.CN")).toBe("allowed");
  });

  it("treats an address on an alias domain as the same address on its primary", () => {
    expect(reasonOf("members_and_senders", "zhang.san@abc.cn")).toBe("allowed");
    expect(reasonOf("senders_only", "boss@ABC.cn")).toBe("allowed");
    // …and a member stored on the alias domain matches a sender on the primary.
    expect(reasonOf("members_and_senders", "new@abc.com", { members: ["new@abc.cn"] })).toBe("allowed");
  });

  it("does not treat a look-alike domain as the organisation's", () => {
    for (const sender of ["x@abc.com.evil.example", "x@notabc.com", "x@mail.abc.com", "abc.com@evil.example"]) {
      expect(reasonOf("organisation", sender)).toBe("outside_organisation");
    }
  });

  it("matches whole addresses only", () => {
    expect(reasonOf("members_and_senders", "zhang.san@abc.co")).toBe("not_member_or_sender");
    expect(reasonOf("members_and_senders", "an.zhang.san@abc.com")).toBe("not_member_or_sender");
    expect(reasonOf("senders_only", "boss")).toBe("no_sender");
  });

  it("refuses a sender without a usable address under every restricted policy", () => {
    for (const sender of ["", "   ", "@abc.com", "boss@", "no-at-sign"]) {
      for (const policy of ["members_and_senders", "senders_only", "organisation"] as const) expect(reasonOf(policy, sender)).toBe("no_sender");
    }
  });

  it("lets nobody in when the named lists are empty, except under anyone and organisation", () => {
    const empty = { members: [], senders: [] };
    expect(reasonOf("members_and_senders", SENDERS.member, empty)).toBe("not_member_or_sender");
    expect(reasonOf("senders_only", SENDERS.namedInside, empty)).toBe("not_named_sender");
    expect(reasonOf("organisation", SENDERS.colleague, empty)).toBe("allowed");
    expect(reasonOf("anyone", SENDERS.stranger, empty)).toBe("allowed");
  });

  it("a tenant without domains has no organisation to send from", () => {
    expect(reasonOf("organisation", SENDERS.member, { domains: [] })).toBe("outside_organisation");
  });
});

describe("maySendToList: the reason the engine puts in its 550 5.7.1 reply", () => {
  it("names the list in both languages", () => {
    const cases = [
      ["members_and_senders", SENDERS.stranger, "Only members of beijing@abc.com and its named senders may send to it", "只有 beijing@abc.com 的成员和指定使用者可以向该邮件列表发信"],
      ["senders_only", SENDERS.member, "Only the named senders of beijing@abc.com may send to it", "只有 beijing@abc.com 的指定使用者可以向该邮件列表发信"],
      ["organisation", SENDERS.stranger, "Only addresses of this organisation may send to beijing@abc.com", "只有本企业的邮箱可以向 beijing@abc.com 发信"],
      ["organisation", "", "beijing@abc.com does not accept mail without a sender address", "beijing@abc.com 不接收没有发件人地址的邮件"],
    ] as const;
    for (const [policy, sender, en, zh] of cases) {
      const v = verdict(policy, sender);
      expect(v).toEqual({ allowed: false, reason: expect.any(String), message: { en, "zh-CN": zh } });
    }
  });

  it("carries no message when allowed", () => {
    expect(verdict("anyone", SENDERS.stranger)).toEqual({ allowed: true });
  });
});
