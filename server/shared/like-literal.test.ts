import { describe, expect, it } from "vitest";
import { likeLiteral } from "./like-literal";

describe("likeLiteral", () => {
  it("escapes LIKE's wildcards and its escape character", () => {
    expect(likeLiteral("50%_off\\x")).toBe("50\\%\\_off\\\\x");
  });
  it("leaves other text alone", () => {
    expect(likeLiteral("张三@example.com")).toBe("张三@example.com");
  });
});
