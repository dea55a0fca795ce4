import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const SECRET = "x".repeat(40);

describe("parseEnv", () => {
  it("gives working local defaults when only the secret is set", () => {
    const e = parseEnv({ AUTH_SECRET: SECRET });
    expect(e.DATABASE_URL).toBe("mysql://root@127.0.0.1:3306/mailstead");
    expect(e.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(e.PORT).toBe(3000);
    expect(e.DATA_DIR).toBe("./data");
    expect(e.TZ_DEFAULT).toBe("Asia/Shanghai");
  });

  it("coerces PORT from the string the environment holds", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, PORT: "8080" }).PORT).toBe(8080);
  });

  it.each([
    ["PORT", "abc", /PORT: expected a port number/],
    ["PORT", "70000", /PORT: expected a port between 1 and 65535/],
    ["DATABASE_URL", "postgres://x/y", /DATABASE_URL: expected a URL starting with mysql:\/\//],
    ["REDIS_URL", "not a url", /REDIS_URL: expected a URL starting with redis:\/\//],
    ["TZ_DEFAULT", "Mars/Olympus", /TZ_DEFAULT: expected an IANA time zone/],
    ["AUTH_SECRET", "short", /AUTH_SECRET: expected at least 32 characters/],
  ])("refuses %s=%s naming the variable and what was expected", (name, value, message) => {
    const source = { AUTH_SECRET: SECRET, [name]: value };
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("never prints the secret it refuses", () => {
    expect(() => parseEnv({ AUTH_SECRET: "hunter2" })).toThrow(/got "<hidden>"/);
  });

  it("lists every bad variable at once", () => {
    try {
      parseEnv({ PORT: "0", TZ_DEFAULT: "nowhere" });
      expect.unreachable();
    } catch (e) {
      expect(String(e)).toMatch(/PORT/);
      expect(String(e)).toMatch(/TZ_DEFAULT/);
      expect(String(e)).toMatch(/AUTH_SECRET: .*it is not set/);
    }
  });
});
