import { describe, expect, it } from "vitest";
import { apiRouteFiles } from "./api-routes";
import { openApiDocument } from "./openapi";

// The document and the route files must agree: every route file's methods are in the document,
// every documented operation has its route file, and every reference resolves.
const doc = openApiDocument("https://mail.example.com/") as {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, { security?: unknown[]; parameters?: { $ref?: string }[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

describe("OpenAPI document", () => {
  it("lists exactly the route files under app/api/v1 and their methods", async () => {
    const served: string[] = [];
    for (const route of apiRouteFiles()) {
      const exported = (await import(route.file)) as Record<string, unknown>;
      for (const m of METHODS) if (typeof exported[m] === "function") served.push(`${m} ${route.apiPath}`);
    }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(served.sort());
    expect(served).toHaveLength(10);
  });

  it("is OpenAPI 3.1 with the bearer scheme, the Idempotency-Key header on every write and the error schema", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://mail.example.com/api/v1" }]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const idem = (op.parameters ?? []).some((p) => p.$ref === "#/components/parameters/IdempotencyKey");
        expect(idem, `${method} ${path}`).toBe(method === "post");
        if (path !== "/openapi.json") expect(op.responses).toHaveProperty("401");
        if (method === "post") expect(op.responses).toHaveProperty("422");
      }
    }
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["Error", "Tenant", "CreateTenantRequest", "ChangePlanRequest", "TenantUsage"]));
  });

  it("has no unresolved or parked references", () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain("__shared");
    const refs = [...text.matchAll(/"\$ref":"#\/components\/(schemas|parameters)\/([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    const components = doc.components as Record<string, Record<string, unknown>>;
    for (const [, kind, name] of refs) expect(components[kind!], `${kind}/${name}`).toHaveProperty(name!);
    expect(text).not.toMatch(/"\$ref":"(?!#\/components\/)/);
  });
});
