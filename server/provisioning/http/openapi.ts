import { z } from "zod";
import { ENDPOINTS } from "../endpoints";
import { API_SCOPES } from "../api-keys/scopes";
import { ZApiOrder, ZApiPlan, ZApiResize, ZApiTenant } from "../tenants/api-tenant.types";
import { ZApiError } from "./api-error";
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from "./idempotency";

type Json = Record<string, unknown>;

const ERROR_REF = { $ref: "#/components/schemas/Error" };
const refOf = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${z.globalRegistry.get(schema)!.id!}` });

/**
 * Named schemas as OpenAPI components: requests as they are sent (io: input, before defaults and
 * trimming), answers as they come back. Every schema with a meta id must be registered here,
 * or zod would park it under a "__shared" component (a test checks there is none).
 */
function components(): Json {
  const build = (schemas: z.ZodType[], io: "input" | "output") => {
    const registry = z.registry<{ id: string }>();
    for (const s of new Set(schemas)) registry.add(s, { id: z.globalRegistry.get(s)!.id! });
    const { schemas: out } = z.toJSONSchema(registry, { io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
    return Object.fromEntries(Object.entries(out).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]));
  };
  const requests = ENDPOINTS.flatMap((e) => (e.body ? [e.body] : []));
  const answers = [...ENDPOINTS.map((e) => e.response), ZApiTenant, ZApiOrder, ZApiResize, ZApiPlan, ZApiError];
  return { ...build(answers, "output"), ...build(requests, "input") };
}

function queryParameters(query: z.ZodType | undefined): Json[] {
  if (!(query instanceof z.ZodObject)) return [];
  return Object.entries(query.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { $schema: _s, ...schema } = z.toJSONSchema(field, { io: "input", unrepresentable: "any" }) as Json;
    return { name, in: "query", required: false, schema };
  });
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ERROR_REF } } });

function operation(e: (typeof ENDPOINTS)[number]): Json {
  const write = e.method !== "GET";
  const parameters: Json[] = [
    ...(e.path.includes("{id}") ? [{ name: "id", in: "path", required: true, schema: { type: "string", maxLength: 191 }, description: "Tenant id" }] : []),
    ...queryParameters(e.query),
    ...(write ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : []),
  ];
  const responses: Json = {
    [String(e.status)]: {
      description: "Success",
      ...(write ? { headers: { [REPLAYED_HEADER]: { description: "true when this is the stored answer of an earlier request with the same Idempotency-Key", schema: { type: "string", enum: ["true"] } } } } : {}),
      content: { "application/json": { schema: refOf(e.response) } },
    },
    "400": errorResponse(write ? "Bad input (fields), or the Idempotency-Key header is missing or malformed" : "Bad query parameters"),
    "401": errorResponse("Missing, unknown, revoked or expired API key"),
    ...(e.scope ? { "403": errorResponse(`The key lacks the ${e.scope} permission${e.operatorOnly ? ", or is a reseller's key (operator keys only)" : ""}`) } : {}),
    ...(e.path.includes("{id}") ? { "404": errorResponse("No such tenant within the key's reach") } : {}),
    ...(write ? { "409": errorResponse("The tenant's state does not allow this, or the same Idempotency-Key is still running (IN_PROGRESS)") } : {}),
    ...(write ? { "413": errorResponse("The body is larger than 64 KiB (PAYLOAD_TOO_LARGE)") } : {}),
    ...(write ? { "422": errorResponse("The Idempotency-Key was already used with another request (IDEMPOTENCY_MISMATCH)") } : {}),
    "429": errorResponse("Too many requests with this key; see Retry-After"),
  };
  const notes = [e.description, e.whmcs && `WHMCS module function: ${e.whmcs}.`, `Permission: ${e.scope ?? "any valid key"}.`, e.operatorOnly && "Operator keys only: a reseller key gets 403."].filter(Boolean).join("\n\n");
  return {
    operationId: e.operationId,
    summary: e.summary,
    description: notes,
    tags: [e.path.startsWith("/plans") ? "plans" : "tenants"],
    ...(e.whmcs ? { "x-whmcs-function": e.whmcs } : {}),
    ...(e.scope ? { "x-required-scope": e.scope } : {}),
    security: [{ bearerAuth: e.scope ? [e.scope] : [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: refOf(e.body) } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of /api/v1, built from the same endpoint definitions the routes serve. */
export function openApiDocument(publicUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS) (paths[e.path] ??= {})[e.method.toLowerCase()] = operation(e);
  paths["/openapi.json"] = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      tags: ["meta"],
      security: [],
      responses: { "200": { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Mailstead provisioning API",
      version: "1.0.0",
      description: "Open, suspend, resize and meter tenants from an outside billing system (the WHMCS module functions). Guide: docs/api.md.",
    },
    servers: [{ url: `${publicUrl.replace(/\/$/, "")}/api/v1` }],
    security: [{ bearerAuth: [] }],
    tags: [{ name: "tenants" }, { name: "plans" }, { name: "meta" }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: `An API key (msk_live_…) created under API keys in the operator or reseller portal. Permissions: ${API_SCOPES.join(", ")}.`,
        },
      },
      parameters: {
        IdempotencyKey: {
          name: IDEMPOTENCY_HEADER,
          in: "header",
          required: true,
          description: "Required on every write: 1–255 printable characters, unique per operation. A retry with the same key and body gets the first answer again.",
          schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
        },
      },
      schemas: components(),
    },
  };
}
