import { open } from "node:fs/promises";
import { storeRoot } from "@/server/mail/paths";
import { resolveStorePath } from "@/server/mail/store/message-path";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { previewOf, PREVIEW_MAX_BYTES, type MessagePreview } from "./message-preview";
import { QUARANTINE_ROW_SELECT, toQuarantineRow } from "./quarantine-rows";
import { quarantineNotFound, scopeWhere, type QuarantineScope } from "./quarantine-scope";
import type { QuarantineRow } from "./quarantine.types";

/** The first `max` bytes of a stored message, and whether there was more. */
async function readHead(relPath: string, max: number): Promise<{ bytes: Buffer; cut: boolean }> {
  const file = await open(resolveStorePath(storeRoot(), relPath), "r");
  try {
    const size = (await file.stat()).size;
    const buffer = Buffer.alloc(Math.min(size, max));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), cut: size > max };
  } finally {
    await file.close();
  }
}

/**
 * A held message's entry, headers and text, for the preview drawer (tenant admin: any of the
 * tenant's entries; mailbox user: their own). Nothing of the message is ever served as a file.
 */
export async function previewQuarantinedMessage(scope: QuarantineScope, id: string): Promise<{ entry: QuarantineRow; preview: MessagePreview }> {
  const item = await db.quarantineItem.findFirst({
    where: { id: BigInt(id), ...scopeWhere(scope) },
    select: { ...QUARANTINE_ROW_SELECT, message: { select: { path: true } } },
  });
  if (!item) throw quarantineNotFound();
  const { message, ...row } = item;
  let head: { bytes: Buffer; cut: boolean };
  try {
    head = await readHead(message.path, PREVIEW_MAX_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new DomainError("PRECONDITION_FAILED", say("The message's file is missing from the store; it cannot be previewed", "邮件文件已不在存储中，无法预览"));
  }
  return { entry: toQuarantineRow(row), preview: await previewOf(head.bytes, head.cut) };
}
