import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { addTenantDomain, consoleCaller, consoleWriteCounts, createConsoleTenant, refusal, seedMailboxes, uniqueLocalPart, type ConsoleTenant } from "../tenant-test-fixtures";

// Every entry point with bad input: a specific message, on its field where there is one, and
// nothing written (row counts of every table a console write touches, audit rows included).
let t: ConsoleTenant;
let other: ConsoleTenant;
let listId: string;
const lists = () => consoleCaller(t.admin).lists;
const create = (over: Record<string, unknown>) =>
  lists().create({ domainId: t.domain.id, localPart: uniqueLocalPart("ok"), name: "列表", policy: "anyone", ...over } as Parameters<ReturnType<typeof lists>["create"]>[0]);

/** The refusal, and that nothing was written while it was made. */
async function refusedWithoutWrites(call: () => Promise<unknown>) {
  const before = await consoleWriteCounts();
  const r = await refusal(call());
  expect(await consoleWriteCounts()).toEqual(before);
  return r;
}

beforeAll(async () => {
  t = await createConsoleTenant({ name: "Bad input" });
  other = await createConsoleTenant({ name: "Other" });
  listId = (await create({ localPart: "team" })).id;
});

describe("creating a list with a bad address", () => {
  const cases: [string, string, RegExp][] = [
    ["malformed", "zhang san", /Use only letters, digits/],
    ["with a domain", "team@other.example", /Enter only the part before @/],
    ["empty", "  ", /Enter the part before @/],
    ["too long before @", "a".repeat(65), /At most 64 characters before @ \(this has 65\)/],
    ["reserved", "postmaster", /reserved for the mail system/],
    ["reserved in capitals", "Abuse", /reserved for the mail system/],
  ];
  for (const [what, localPart, message] of cases) {
    it(`refuses one ${what}`, async () => {
      const r = await refusedWithoutWrites(() => create({ localPart }));
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors?.localPart?.[0]).toMatch(message);
    });
  }

  it("refuses a whole address over 254 characters", async () => {
    const longDomain = await addTenantDomain(t.tenant.id, null, `${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(60)}.${"g".repeat(55)}.com`);
    const r = await refusedWithoutWrites(() => create({ domainId: longDomain.id, localPart: "a".repeat(12) }));
    expect(r.fieldErrors?.localPart?.[0]).toBe("The whole address may have at most 254 characters");
  });

  for (const kind of ["mailbox", "alias", "list"] as const) {
    it(`refuses an address another tenant's ${kind} has taken, without saying whose`, async () => {
      const address = `taken-${kind}@${t.domain.name}`;
      // Only the platform-wide guard matters here: the row as another tenant's write would leave it.
      await db.mailAddress.create({ data: { address, tenantId: other.tenant.id, domainId: other.domain.id, kind } });
      const r = await refusedWithoutWrites(() => create({ localPart: `taken-${kind}` }));
      expect(r).toMatchObject({ code: "CONFLICT", fieldErrors: { localPart: [`${address} is already in use`] } });
    });
  }

  it("refuses an address the tenant's own list already has, in any case", async () => {
    const r = await refusedWithoutWrites(() => create({ localPart: "TEAM" }));
    expect(r).toMatchObject({ code: "CONFLICT", fieldErrors: { localPart: [`team@${t.domain.name} is already in use`] } });
  });

  it("refuses a domain that is not the tenant's (NOT_FOUND) and one that does not exist", async () => {
    for (const domainId of [other.domain.id, "no-such-domain"]) {
      expect(await refusedWithoutWrites(() => create({ domainId }))).toMatchObject({ code: "NOT_FOUND", message: "Domain not found" });
    }
  });

  it("refuses an unknown policy, an empty or too long name and a too long description", async () => {
    for (const [over, field] of [
      [{ policy: "everyone" }, "policy"],
      [{ policy: undefined }, "policy"],
      [{ name: "  " }, "name"],
      [{ name: "n".repeat(81) }, "name"],
      [{ description: "d".repeat(501) }, "description"],
    ] as const) {
      const r = await refusedWithoutWrites(() => create(over));
      expect(r.code).toBe("BAD_REQUEST");
      expect(Object.keys(r.fieldErrors ?? {})).toEqual([field]);
    }
  });
});

describe("editing a list with bad input", () => {
  it("refuses an unknown policy and an empty name, and changes nothing", async () => {
    for (const over of [{ policy: "members" }, { name: "" }]) {
      const r = await refusedWithoutWrites(() => lists().update({ listId, name: "新名称", policy: "anyone", ...over } as never));
      expect(r.code).toBe("BAD_REQUEST");
    }
    expect((await db.mailingList.findUniqueOrThrow({ where: { id: listId } })).name).toBe("列表");
  });
});

describe("adding a bad member or named sender", () => {
  const add = (over: Record<string, unknown>) => lists().addEntry({ listId, role: "member", ...over } as never);

  const bad: [string, string, RegExp][] = [
    ["without @", "partner.example.com", /single @/],
    ["with a space", "li si@example.com", /spaces/],
    ["with a bad domain", "li@example", /not a valid domain/],
    ["with a bad character", "li<x>@example.com", /not allowed/],
    ["too long", `li@${"x".repeat(250)}.com`, /not a valid domain|at most 254/],
    ["empty", "", /Enter an e-mail address/],
  ];
  for (const [what, address, message] of bad) {
    it(`refuses an outside address ${what}, on the address field`, async () => {
      const r = await refusedWithoutWrites(() => add({ address }));
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors?.address?.[0]).toMatch(message);
    });
  }

  it("refuses an address over 254 characters with a valid domain", async () => {
    const address = `${"a".repeat(64)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.fff.com`; // 255
    expect((await refusedWithoutWrites(() => add({ address }))).fieldErrors?.address?.[0]).toBe("An address may have at most 254 characters (this has 255)");
  });

  it("refuses neither mailbox nor address, and an unknown role", async () => {
    expect((await refusedWithoutWrites(() => add({}))).fieldErrors?.address?.[0]).toMatch(/Enter an e-mail address/);
    expect((await refusedWithoutWrites(() => add({ role: "owner", address: "a@b.com" }))).fieldErrors).toHaveProperty("role");
  });

  it("refuses a duplicate, typed in another case or picked as a mailbox, with a clear message", async () => {
    const [mailboxId] = await seedMailboxes(t, 1);
    const mailbox = await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId! } });
    await add({ address: "Partner@Outside.Example" });
    await add({ mailboxId });
    const typedAgain = await refusedWithoutWrites(() => add({ address: " partner@OUTSIDE.example" }));
    expect(typedAgain).toMatchObject({ code: "CONFLICT", fieldErrors: { address: ["partner@outside.example is already a member of this list"] } });
    const pickedAgain = await refusedWithoutWrites(() => add({ mailboxId }));
    expect(pickedAgain).toMatchObject({ code: "CONFLICT", fieldErrors: { mailboxId: [`${mailbox.address} is already a member of this list`] } });
    const typedMailbox = await refusedWithoutWrites(() => add({ address: mailbox.address.toUpperCase() }));
    expect(typedMailbox.fieldErrors?.address?.[0]).toMatch(/already a member/);
    // The same address may still be a named sender: that is another role.
    await lists().addEntry({ listId, role: "sender", address: "partner@outside.example" });
    const senderAgain = await refusedWithoutWrites(() => lists().addEntry({ listId, role: "sender", address: "partner@outside.example" }));
    expect(senderAgain.fieldErrors?.address).toEqual(["partner@outside.example is already a named sender of this list"]);
  });

  it("has the refusal in Chinese too (the tRPC formatter sends the caller's language)", async () => {
    const error = await add({ address: "no-at-sign" }).catch((e: { cause?: unknown }) => e.cause);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrorsIn("zh-CN")?.address?.[0]).toMatch(/只含一个 @/);
  });
});
