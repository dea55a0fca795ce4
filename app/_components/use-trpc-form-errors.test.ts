import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { baseProcedure, router } from "@/server/trpc/init";
import { DomainError } from "@/server/shared/errors";
import { makeContext } from "@/server/trpc/context";
import { applyTrpcFormErrors, fieldErrorsOf, toNamePath } from "./use-trpc-form-errors";

// A small router on the project's own base procedure, so the errors below come from the real
// error formatter and reach the real tRPC client over a real fetch adapter (in-process).
const testRouter = router({
  save: baseProcedure
    .input(z.object({ name: z.string().min(2, "Too short"), contact: z.object({ email: z.email("Not an e-mail") }) }))
    .mutation(() => "ok"),
  seats: baseProcedure.mutation(() => {
    throw new DomainError("BAD_INPUT", "Seats cannot go down mid-month", { seats: ["Only from the 1st of next month"] });
  }),
  whole: baseProcedure.mutation(() => {
    throw new DomainError("CONFLICT", "Changed by someone else", { "": ["Reload and try again"] });
  }),
  plain: baseProcedure.mutation(() => {
    throw new DomainError("NOT_FOUND", "Tenant not found");
  }),
});

const client = createTRPCClient<typeof testRouter>({
  links: [
    httpLink({
      url: "http://test.invalid/api/trpc",
      transformer: superjson,
      fetch: (url, init) =>
        fetchRequestHandler({
          endpoint: "/api/trpc",
          req: new Request(url, init as RequestInit),
          router: testRouter,
          createContext: () => makeContext(null),
        }),
    }),
  ],
});

async function failure(call: () => Promise<unknown>): Promise<TRPCClientError<typeof testRouter>> {
  try {
    await call();
  } catch (e) {
    if (e instanceof TRPCClientError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

function recordingForm() {
  const calls: { name: (string | number)[]; errors: string[] }[][] = [];
  return { calls, setFields: (fields: { name: (string | number)[]; errors?: string[] }[]) => void calls.push(fields as never) };
}

describe("toNamePath", () => {
  it("splits dotted paths and turns list indexes into numbers", () => {
    expect(toNamePath("seats")).toEqual(["seats"]);
    expect(toNamePath("members.0.email")).toEqual(["members", 0, "email"]);
  });
});

describe("applyTrpcFormErrors", () => {
  it("puts zod errors next to their (nested) fields", async () => {
    const error = await failure(() => client.save.mutate({ name: "x", contact: { email: "nope" } }));
    expect(fieldErrorsOf(error)).toEqual({ name: ["Too short"], "contact.email": ["Not an e-mail"] });
    const form = recordingForm();
    expect(applyTrpcFormErrors(form, error)).toBeNull();
    expect(form.calls).toEqual([
      [
        { name: ["name"], errors: ["Too short"] },
        { name: ["contact", "email"], errors: ["Not an e-mail"] },
      ],
    ]);
  });

  it("puts a DomainError's field errors next to the field", async () => {
    const form = recordingForm();
    expect(applyTrpcFormErrors(form, await failure(() => client.seats.mutate()))).toBeNull();
    expect(form.calls).toEqual([[{ name: ["seats"], errors: ["Only from the 1st of next month"] }]]);
  });

  it("returns whole-input errors for the caller to show", async () => {
    const form = recordingForm();
    expect(applyTrpcFormErrors(form, await failure(() => client.whole.mutate()))).toBe("Reload and try again");
    expect(form.calls).toEqual([]);
  });

  it("returns the error's message when it has no field errors", async () => {
    const form = recordingForm();
    expect(applyTrpcFormErrors(form, await failure(() => client.plain.mutate()))).toBe("Tenant not found");
    expect(applyTrpcFormErrors(form, new Error("Network down"))).toBe("Network down");
    expect(form.calls).toEqual([]);
  });
});
