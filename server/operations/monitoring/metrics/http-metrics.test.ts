import { describe, expect, it } from "vitest";
import { bearerMatches } from "./bearer-token";
import { routeLabel, statusClass } from "./http-metrics";
import { reasonClass, severityOf } from "./mail-metrics";

describe("bounded labels", () => {
  it("maps request paths to a few areas, never the path with its ids", () => {
    expect(routeLabel("/api/trpc/operations.monitoring.snapshot?batch=1")).toBe("/api/trpc");
    expect(routeLabel("/api/v1/tenants/ck123/mailboxes")).toBe("/api/v1");
    expect(routeLabel("/ops/monitoring")).toBe("/ops");
    expect(routeLabel("/ops")).toBe("/ops");
    expect(routeLabel("/console/mailboxes/abc")).toBe("/console");
    expect(routeLabel("/_next/static/chunks/x.js")).toBe("/_next");
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/api/whatever/1")).toBe("/api");
    expect(routeLabel("/opsx")).toBe("other");
    expect(routeLabel("/wp-login.php")).toBe("other");
    expect(routeLabel(undefined)).toBe("/");
  });

  it("keeps status classes and RFC 3463 reason classes", () => {
    expect([statusClass(200), statusClass(304), statusClass(404), statusClass(503), statusClass(0)]).toEqual(["2xx", "3xx", "4xx", "5xx", "other"]);
    expect([reasonClass("5.1.1"), reasonClass("4.7.1"), reasonClass("5.3.4"), reasonClass("4.3.2"), reasonClass("x")]).toEqual(["address", "policy", "system", "system", "other"]);
    expect([severityOf(451), severityOf(550), severityOf(250)]).toEqual(["temporary", "permanent", "other"]);
  });
});

describe("bearer token", () => {
  it("accepts only the exact token after Bearer", () => {
    const token = "s3cret-token-0123456789";
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches(null, token)).toBe(false);
    expect(bearerMatches("Bearer ", "")).toBe(false);
  });
});
