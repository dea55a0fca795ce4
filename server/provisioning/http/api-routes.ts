// The route files under app/api/v1, as the URL patterns Next.js serves them at. Used by the
// tests' HTTP server and by the test that the OpenAPI document lists exactly these routes.
// Not imported by application code.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const API_DIR = join(process.cwd(), "app", "api", "v1");

export type RouteFile = {
  file: string;
  /** "/api/v1/tenants/[id]/suspend" */
  route: string;
  /** The OpenAPI path under /api/v1: "/tenants/{id}/suspend" */
  apiPath: string;
  pattern: RegExp;
  params: string[];
};

export function apiRouteFiles(dir = API_DIR): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...apiRouteFiles(full));
    else if (entry.name === "route.ts") {
      const segments = relative(API_DIR, dir).split(sep).filter(Boolean);
      const params = segments.filter((s) => /^\[\w+\]$/.test(s)).map((s) => s.slice(1, -1));
      const source = segments.map((s) => (/^\[\w+\]$/.test(s) ? "([^/]+)" : s.replace(/[.]/g, "\\."))).join("/");
      found.push({
        file: full,
        route: `/api/v1/${segments.join("/")}`,
        apiPath: `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`,
        pattern: new RegExp(`^/api/v1/${source}$`),
        params,
      });
    }
  }
  return found;
}
