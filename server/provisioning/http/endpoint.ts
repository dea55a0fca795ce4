import { z } from "zod";
import { say } from "@/server/shared/errors";
import type { ApiScope } from "../api-keys/scopes";
import { ApiError, errorResult, toResponse, type ApiResult } from "./api-error";
import { authenticate, requireOperatorKey, requireScope, type ApiPrincipal } from "./authenticate";
import { bodyHash, idempotencyKeyOf, idempotent, useCaseKey } from "./idempotency";

type Params = Record<string, string>;

/** What a use case of the API gets: the caller, the path's parameters, the parsed input. */
export type EndpointCall<B, Q> = { principal: ApiPrincipal; params: Params; body: B; query: Q; requestId: string | null };

/**
 * One operation of the REST API. The same definition serves the request (route.ts) and the
 * OpenAPI document (openapi.ts), so the document cannot drift from what is validated.
 */
export type Endpoint<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> = {
  method: "GET" | "POST";
  /** OpenAPI path under /api/v1, e.g. "/tenants/{id}/suspend". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** The WHMCS module function this serves, for docs/api.md and the document. */
  whmcs?: string;
  scope: ApiScope | null;
  /** Only an operator key may call it (the portal's action is operatorProcedure): 403 for a reseller key. */
  operatorOnly?: true;
  body?: B;
  query?: Q;
  response: z.ZodType;
  status: 200 | 201;
  run: (call: EndpointCall<z.output<B>, z.output<Q>>) => Promise<unknown>;
};

export const defineEndpoint = <B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType>(e: Endpoint<B, Q>): Endpoint<B, Q> => e;

/** A billing system's request is a few hundred bytes; anything past this is refused unread (413), so one key cannot fill the portal's memory. */
export const MAX_BODY_BYTES = 64 * 1024;
const tooLarge = () => new ApiError(413, "PAYLOAD_TOO_LARGE", say(`The body must be at most ${MAX_BODY_BYTES / 1024} KiB`, `请求体不能超过 ${MAX_BODY_BYTES / 1024} KiB`));

/** The body as text, read up to MAX_BODY_BYTES (a declared or a streamed length beyond it: 413). */
async function readBody(req: Request): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const notJson = () => new ApiError(400, "BAD_INPUT", say("The body must be a JSON object", "请求体必须是 JSON 对象"));

function parseBody(endpoint: Endpoint, raw: string): unknown {
  if (!endpoint.body) return undefined;
  let json: unknown;
  try {
    json = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    throw notJson();
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) throw notJson();
  return endpoint.body.parse(json);
}

async function serve(endpoint: Endpoint, req: Request, params: Params): Promise<ApiResult> {
  const write = endpoint.method !== "GET";
  const principal = await authenticate(req, write);
  requireScope(principal, endpoint.scope);
  if (endpoint.operatorOnly) requireOperatorKey(principal);
  const url = new URL(req.url);
  const query = endpoint.query ? endpoint.query.parse(Object.fromEntries(url.searchParams)) : undefined;
  if (!write) return { status: endpoint.status, body: await endpoint.run({ principal, params, body: undefined, query, requestId: null }) };
  const key = idempotencyKeyOf(req);
  const raw = await readBody(req);
  const request = { apiKeyId: principal.keyId, key, method: endpoint.method, path: url.pathname, hash: bodyHash(raw) };
  return idempotent(request, async () => {
    const body = parseBody(endpoint, raw);
    const result = await endpoint.run({ principal, params, body, query, requestId: useCaseKey(principal.keyId, key) });
    return { status: endpoint.status, body: result };
  });
}

/** The Next.js route handler of an endpoint: `export const POST = routeOf(suspendTenantEndpoint)`. */
export function routeOf<B extends z.ZodType, Q extends z.ZodType>(endpoint: Endpoint<B, Q>) {
  return async (req: Request, ctx: { params: Promise<Params> }): Promise<Response> => {
    const result = await serve(endpoint as unknown as Endpoint, req, (await ctx.params) ?? {}).catch(errorResult);
    return toResponse(result);
  };
}
