import { describe, expect, it } from "vitest";
import { z } from "zod";
import superjson from "superjson";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { router, DOMAIN_TO_TRPC } from "./init";
import { publicProcedure } from "./procedures";
import { makeContext } from "./context";
import { DOMAIN_ERROR_CODES, DomainError } from "@/server/shared/errors";

// Goes through the real HTTP adapter, because the error formatter only shapes HTTP responses.
const testRouter = router({
  create: publicProcedure
    .input(z.object({ name: z.string().min(2, "at least 2 characters"), contact: z.object({ email: z.email("not an e-mail") }) }))
    .mutation(({ input }) => input.name),
  conflict: publicProcedure.mutation(() => {
    throw new DomainError("CONFLICT", "Plan code already used", { code: ["already used"] });
  }),
  crash: publicProcedure.mutation(() => {
    throw new Error("secret internals");
  }),
});

async function call(path: string, input?: unknown, locale: "en" | "zh-CN" = "en") {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://x/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    router: testRouter,
    createContext: () => makeContext(null, null, locale),
  });
  // The superjson transformer wraps the error shape in { json }.
  const raw = (await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
  return { status: res.status, body: { error: raw.error.json } };
}

describe("tRPC errors", () => {
  it("turns malformed input into BAD_REQUEST with field errors by path", async () => {
    const { status, body } = await call("create", { name: "x", contact: { email: "nope" } });
    expect(status).toBe(400);
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.fieldErrors).toEqual({ name: ["at least 2 characters"], "contact.email": ["not an e-mail"] });
    expect(body.error.message).toBe("Some fields are not valid");
  });

  it("writes zod's messages in Chinese for a zh-CN caller", async () => {
    const { body } = await call("create", { name: "x", contact: { email: "nope" } }, "zh-CN");
    expect(body.error.message).toBe("部分字段填写有误");
    expect(body.error.data.fieldErrors).toEqual({ name: ["数值过小：期望 string >=2 字符"], "contact.email": ["无效电子邮件"] });
  });

  it("maps a DomainError to its tRPC code and keeps its message and field errors", async () => {
    const { status, body } = await call("conflict");
    expect(status).toBe(409);
    expect(body.error.message).toBe("Plan code already used");
    expect(body.error.data).toMatchObject({ code: "CONFLICT", domainCode: "CONFLICT", fieldErrors: { code: ["already used"] } });
  });

  it("does not send internals of an unexpected error", async () => {
    const { status, body } = await call("crash");
    expect(status).toBe(500);
    expect(body.error.message).not.toMatch(/secret/);
    expect(body.error.data).not.toHaveProperty("stack");
  });

  it("maps every domain error code", () => {
    for (const code of DOMAIN_ERROR_CODES) expect(DOMAIN_TO_TRPC[code]).toBeTruthy();
  });
});
