import { readFile } from "node:fs/promises";
import { storeRoot } from "@/server/mail/paths";
import { resolveStorePath } from "./message-path";

/** The bytes of a stored message (StoredMessage.path); refuses a path that leaves the store. */
export async function readStoredMessage(relPath: string): Promise<Buffer> {
  return readFile(resolveStorePath(storeRoot(), relPath));
}
