import { openApiDocument } from "@/server/provisioning/http/openapi";
import { env } from "@/server/shared/env";

export const dynamic = "force-dynamic";

/** The API's OpenAPI 3.1 document: public, like any API reference (it holds no data). */
export function GET(): Response {
  return Response.json(openApiDocument(env().PUBLIC_URL), { headers: { "Cache-Control": "public, max-age=300" } });
}
