import { db } from "@/server/shared/db";
import type { ApiKeyRow, KeyOwner } from "./api-key.types";
import { ownedBy, toRows } from "./api-key-row";

/** The keys `owner` manages, newest first; revoked ones stay listed so the log's prefixes resolve. */
export async function listApiKeys(owner: KeyOwner): Promise<ApiKeyRow[]> {
  const keys = await db.apiKey.findMany({ where: ownedBy(owner), orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 500 });
  return toRows(keys);
}
