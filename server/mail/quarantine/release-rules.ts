import { DomainError, say } from "@/server/shared/errors";

// Whether a held message may go into its mailbox now: the same conditions the MX listener
// checks at RCPT (docs/engine.md), so a release never delivers what the listener would refuse.
// Pure: the caller reads the facts under the mailbox's row lock.

const MIB = 1024 * 1024;

export type ReleaseFacts = {
  tenantStatus: "active" | "suspended" | "frozen";
  mailboxStatus: string;
  quotaMb: number;
  usedBytes: bigint;
  messageBytes: number;
};

const mb = (bytes: bigint | number) => (Number(bytes) / MIB).toFixed(1);

/** Throws PRECONDITION_FAILED naming what stands in the way; returns when the release may go ahead. */
export function assertReleasable(f: ReleaseFacts): void {
  if (f.tenantStatus !== "active") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      say(`The company's mail service is ${f.tenantStatus}: messages cannot be released until it is restored`, `企业邮箱服务已${f.tenantStatus === "frozen" ? "冻结" : "暂停"}，恢复后才能放行邮件`),
    );
  }
  if (f.mailboxStatus !== "active") {
    throw new DomainError("PRECONDITION_FAILED", say("The mailbox is disabled: enable it before releasing the message", "该邮箱已停用，请先启用再放行"));
  }
  const quota = BigInt(f.quotaMb) * BigInt(MIB);
  if (f.usedBytes + BigInt(f.messageBytes) > quota) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      say(
        `The mailbox is full: ${mb(f.usedBytes)} of ${f.quotaMb} MB used, and the message needs ${mb(f.messageBytes)} MB`,
        `邮箱空间不足：已用 ${mb(f.usedBytes)} MB / ${f.quotaMb} MB，该邮件需要 ${mb(f.messageBytes)} MB`,
      ),
    );
  }
}
