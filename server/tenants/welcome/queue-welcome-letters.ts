import { getQueue, queueDefs } from "@/server/shared/queues";

/** One job per mailbox (BullMQ refuses ":" in custom ids); the job id makes a retried request or a re-run import queue nothing twice. */
export const welcomeJobId = (mailboxId: string) => `welcome-${mailboxId}`;

/**
 * Queues the welcome letter of mailboxes just created (call after the transaction commits: a
 * job for a rolled-back mailbox would find no row and end quietly anyway). Whether the tenant's
 * template is on, and whether the letter was already sent, the job decides when it runs.
 */
export async function queueWelcomeLetters(mailboxIds: readonly string[]): Promise<void> {
  if (mailboxIds.length === 0) return;
  const def = queueDefs.welcomeLetter;
  await getQueue("welcomeLetter").addBulk(
    mailboxIds.map((mailboxId) => ({ name: def.name, data: def.payload.parse({ mailboxId }), opts: { ...def.options, jobId: welcomeJobId(mailboxId) } })),
  );
}
