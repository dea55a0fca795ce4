import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/app/_components/use-trpc-form-errors";
import { onFormFields } from "./use-sla-ops";

describe("onFormFields", () => {
  it("puts both ends of a window on the range picker and keeps other fields and the message", () => {
    const refusal = Object.assign(new Error("The maintenance window is not valid"), {
      data: { fieldErrors: { startsAt: ["in the past"], endsAt: ["too long"], description: ["too short"] } },
    });
    const moved = onFormFields(refusal, { startsAt: "window", endsAt: "window" });
    expect(fieldErrorsOf(moved)).toEqual({ window: ["in the past", "too long"], description: ["too short"] });
    expect((moved as Error).message).toBe("The maintenance window is not valid");
  });

  it("leaves an error without field errors as it is", () => {
    const plain = new Error("offline");
    expect(onFormFields(plain, { startsAt: "window" })).toBe(plain);
  });
});
