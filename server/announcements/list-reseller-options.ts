import { db } from "@/server/shared/db";
import { likeLiteral } from "@/server/shared/like-literal";

/** The reseller picker of the "one reseller's clients" audience: by part of the name, 20 at most. */
export function listResellerOptions(search: string): Promise<{ id: string; name: string }[]> {
  return db.reseller.findMany({ where: search ? { name: { contains: likeLiteral(search) } } : {}, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 20 });
}
