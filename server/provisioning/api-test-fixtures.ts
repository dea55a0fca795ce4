// Shared by the provisioning API's tests: a reseller tree with clients (the clients tests'
// fixture), API keys of each kind, a real HTTP server in front of app/api/v1, and a small
// fetch-based client. Not imported by application code.
import { randomUUID } from "node:crypto";
import type { AuditActor } from "@/server/audit/record-audit";
import { closeMailer } from "@/server/shared/mailer";
import { closeWindowCounters } from "@/server/shared/fixed-window-counter";
// Aliased: the hooks lint rule takes any use… call for a React hook.
import { makeResellerTree, useSmtpSink as pointMailerAtSink } from "@/server/resellers/clients/client-test-fixtures";
import type { ApiErrorBody } from "./http/api-error";
import type { ApiTenant } from "./tenants/api-tenant.types";
import { createApiKey } from "./api-keys/create-api-key";
import type { KeyOwner } from "./api-keys/api-key.types";
import { API_SCOPES, scopesFor, type ApiScope } from "./api-keys/scopes";
import { startApiServer } from "./http/api-test-server";

export const ALL_SCOPES = [...API_SCOPES];

const actorFor = (owner: KeyOwner): AuditActor & { id: string } =>
  owner.kind === "operator"
    ? { id: "ops-api", email: "ops@example.test", role: "operator", tenantId: null, ip: "127.0.0.1" }
    : { id: `staff-${owner.resellerId}`, email: `staff@${owner.resellerId}.test`, role: "reseller", tenantId: null, resellerId: owner.resellerId, ip: "127.0.0.1" };

/** A new key's secret and row id; by default with every scope its owner may have. */
export async function makeKey(owner: KeyOwner, scopes: ApiScope[] = [...scopesFor(owner.kind)], expiresInDays: number | null = null) {
  const key = await createApiKey(actorFor(owner), owner, { name: `test ${randomUUID().slice(0, 6)}`, scopes, expiresInDays });
  return { secret: key.secret, id: key.id, prefix: key.prefix };
}

/** An answer's body as the tests read it: whichever fields the endpoint answered with (an error, a tenant, a page). */
export type ApiJson = ApiErrorBody & { tenant: ApiTenant; items: ApiTenant[]; total: number } & Record<string, unknown>;
export type ApiAnswer = { status: number; headers: Headers; json: ApiJson };

/** A caller of the API over real HTTP; `idem: null` leaves the Idempotency-Key header out. */
export function apiClient(baseUrl: string) {
  return async function call(method: "GET" | "POST", path: string, opts: { key?: string | null; body?: unknown; raw?: string; idem?: string | null; headers?: Record<string, string> } = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    if (method === "POST") {
      headers["content-type"] = "application/json";
      if (opts.idem !== null) headers["idempotency-key"] = opts.idem ?? randomUUID();
    }
    const body = method === "POST" ? (opts.raw ?? JSON.stringify(opts.body ?? {})) : undefined;
    const res = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : {}) as ApiJson };
  };
}

/** Everything a test file needs, started in beforeAll and closed in afterAll. */
export async function startApiWorld() {
  const sink = await pointMailerAtSink();
  const tree = await makeResellerTree();
  const server = await startApiServer();
  return {
    tree,
    sink,
    call: apiClient(server.url),
    close: async () => {
      await server.close();
      closeMailer();
      await sink.close();
      await closeWindowCounters();
    },
  };
}
