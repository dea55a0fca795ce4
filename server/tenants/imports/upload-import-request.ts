import type { SessionUser } from "@/server/auth/session-user";
import type { Locale } from "@/server/shared/locale";
import { MAX_IMPORT_BYTES, tooLarge } from "./parse-import-file";
import { actorFor, jsonAnswer, jsonError, refusalResponse, tenantScope } from "./tenant-request";
import { uploadImport } from "./upload-import";

/**
 * Reads a request body up to `limit` bytes, or returns null as soon as it is longer: a 50 MB
 * upload is refused after its first 10 MB arrive, never held whole in memory.
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/**
 * POST /api/tenants/imports?name=<file name>, the file as the raw body. A raw body (not
 * multipart) keeps the size check a simple byte count on the stream, and needs no form parser.
 */
export async function uploadImportRequest(user: SessionUser | null, req: Request, locale: Locale): Promise<Response> {
  const caller = tenantScope(user, locale);
  if (caller instanceof Response) return caller;
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES) {
    await req.body?.cancel().catch(() => {});
    return jsonError(413, tooLarge(declared)[locale], { file: [tooLarge(declared)[locale]] });
  }
  const bytes = await readLimited(req.body, MAX_IMPORT_BYTES);
  if (!bytes) return jsonError(413, tooLarge()[locale], { file: [tooLarge()[locale]] });
  const name = new URL(req.url).searchParams.get("name");
  try {
    return jsonAnswer(200, await uploadImport(actorFor(caller, req), caller.tenantId, { name, bytes }, locale));
  } catch (e) {
    return refusalResponse(e, locale);
  }
}
