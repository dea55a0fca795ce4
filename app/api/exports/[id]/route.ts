import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { currentUnrestrictedUser } from "@/server/auth/session";
import { openAuditExport } from "@/server/audit/open-audit-export";
import { DomainError } from "@/server/shared/errors";

export const dynamic = "force-dynamic";

const json = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

/** Streams a finished operation-log export to the user who asked for it; everyone else gets 404. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUnrestrictedUser();
  if (!user) return json(401, "Sign in first");
  const { id } = await params;
  try {
    const file = await openAuditExport(user.id, id);
    const body = Readable.toWeb(createReadStream(file.filePath)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-length": String(file.size),
        "content-disposition": `attachment; filename="${file.downloadName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") return json(404, "Export not found");
    throw e;
  }
}
