import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { describeMatrix } from "@/server/test/authz";
import { downloadExport } from "../exports/download-export";
import { consoleCaller, consoleWriteCounts, createConsoleTenant, customerRow, matrixCallers, ownersOnlyRow, type ConsoleTenant, type Who } from "../tenant-test-fixtures";
import { ZApplyImportRequest, ZImportIdRequest } from "./apply-import.types";
import { downloadImportResult } from "./download-import-files";
import { csvFile, importAll, INITIAL_PASSWORD, upload, useTempDataDir } from "./import-test-fixtures";
import { uploadImportRequest } from "./upload-import-request";

// Who may see and apply imports, download their results and export a tenant's data: the tenant's
// own admin only. Another tenant's admin naming the owner's import gets NOT_FOUND (404), never a
// hint that it exists.

let owner: ConsoleTenant;
let other: ConsoleTenant;
let who: (w: Who) => SessionUser | null;
let finishedId: string;

beforeAll(async () => {
  await useTempDataDir();
  owner = await createConsoleTenant({ seats: 100 });
  other = await createConsoleTenant({ name: "Other", seats: 100 });
  who = matrixCallers(owner.admin, other.admin);
  finishedId = await importAll(owner, csvFile([[`secret.person@${owner.domain.name}`, "机密人员"]]));
});

const pending = async () => (await upload(owner, csvFile([[`p${Date.now()}${Math.random().toString(36).slice(2, 6)}@${owner.domain.name}`]]))).id;

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  list: (w) => consoleCaller(who(w)).imports.list(),
  get: (w) => consoleCaller(who(w)).imports.get({ importId: finishedId }),
  start: async (w) => consoleCaller(who(w)).imports.start({ importId: await pending(), initialPassword: INITIAL_PASSWORD }),
};

describeMatrix<Who>("imports × callers", calls, { list: customerRow, get: ownersOnlyRow, start: ownersOnlyRow });

const EVERYONE: Who[] = ["anonymous", "owner", "other_tenant", "reseller", "operator"];
/** HTTP statuses of a tenant-wide route: another tenant's admin gets their own tenant's data. */
const tenantWide: Record<Who, number> = { anonymous: 401, owner: 200, other_tenant: 200, reseller: 403, operator: 403 };

describe("file routes × callers", () => {
  const expected: Record<Who, number> = { anonymous: 401, owner: 200, other_tenant: 404, reseller: 403, operator: 403 };
  for (const w of EVERYONE) {
    it(`result download by ${w} → ${expected[w]}`, async () => {
      const res = await downloadImportResult(who(w), finishedId, "en");
      expect(res.status).toBe(expected[w]);
      if (w === "owner") expect(await res.text()).toContain("secret.person");
    });

    it(`upload by ${w}`, async () => {
      const req = new Request("http://x/api/tenants/imports?name=a.csv", { method: "POST", body: Buffer.from(csvFile([[`up.${w}@${owner.domain.name}`]])) });
      const res = await uploadImportRequest(who(w), req, "en");
      // Another tenant's admin uploads into their own tenant, where the owner's domain is not theirs.
      expect(res.status).toBe(tenantWide[w]);
      if (w === "other_tenant") {
        const body = (await res.json()) as { problems: { message: string }[] };
        expect(body.problems[0]!.message).toContain("is not one of your domains");
      }
    });

    for (const kind of ["mailboxes", "lists"] as const) {
      it(`${kind} export by ${w}`, async () => {
        const res = await downloadExport(who(w), kind, "en");
        expect(res.status).toBe(tenantWide[w]);
        // Each tenant exports its own data only: nothing of the owner's in another tenant's file.
        if (w === "other_tenant" && kind === "mailboxes") expect(await res.text()).not.toContain("secret.person");
        if (w === "owner" && kind === "mailboxes") expect(await res.text()).toContain("secret.person");
      });
    }
  }
});

describe("bad input to the routes", () => {
  it("refuses a 50 MB upload while it streams, with the limit in the message", async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const req = new Request("http://x/api/tenants/imports?name=big.csv", { method: "POST", body, duplex: "half" } as RequestInit);
    const before = await consoleWriteCounts();
    const res = await uploadImportRequest(owner.admin, req, "zh-CN");
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain("每次导入最多 10 MB");
    expect(sent).toBeLessThan(15);
    expect(await consoleWriteCounts()).toEqual(before);
  });

  it("refuses a declared length over the limit before reading", async () => {
    const req = new Request("http://x/api/tenants/imports", { method: "POST", body: "a", headers: { "content-length": String(50 * 1024 * 1024) } });
    const res = await uploadImportRequest(owner.admin, req, "en");
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain("(50.0 MB): at most 10 MB");
  });

  it("answers a bad file with 400 and every problem on `file`, in the caller's language", async () => {
    const res = await uploadImportRequest(owner.admin, new Request("http://x/api/tenants/imports", { method: "POST", body: "foo,bar\n1,2\n" }), "zh-CN");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; fieldErrors: { file: string[] } };
    expect(body.fieldErrors.file.join(" ")).toContain("无法识别的列");
    expect(body.fieldErrors.file.join(" ")).toContain("缺少必填列");
  });

  it("has no tenant id in any input", () => {
    for (const schema of [ZImportIdRequest, ZApplyImportRequest]) expect(Object.keys(schema.shape)).not.toContain("tenantId");
  });

  it("refused callers apply nothing", async () => {
    const id = await pending();
    const before = await consoleWriteCounts();
    for (const w of ["anonymous", "reseller", "operator", "other_tenant"] as const) {
      await consoleCaller(who(w)).imports.start({ importId: id, initialPassword: INITIAL_PASSWORD }).catch(() => null);
    }
    expect(await consoleWriteCounts()).toEqual(before);
    expect((await db.mailboxImport.findUniqueOrThrow({ where: { id } })).status).toBe("validated");
  });
});
