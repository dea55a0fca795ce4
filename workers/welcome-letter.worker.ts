import { UnrecoverableError, Worker, type Job } from "bullmq";
import { queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { logger } from "@/server/shared/logger";
import { MailerError } from "@/server/shared/mailer";
import { sendWelcomeLetter, type WelcomeOutcome } from "@/server/tenants/welcome/send-welcome-letter";

const log = logger("worker.welcome-letter");

/** Letters in flight: each mostly waits on the mail server; 4 keeps the SMTP pool (2) busy. */
export const WELCOME_LETTER_CONCURRENCY = 4;

async function processJob(job: Job): Promise<WelcomeOutcome> {
  const payload = queueDefs.welcomeLetter.payload.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError(`invalid welcome-letter payload: ${payload.error.message}`);
  try {
    return await sendWelcomeLetter(payload.data.mailboxId);
  } catch (e) {
    // A 5xx refusal (say, the address is refused) does not change on retry.
    if (e instanceof MailerError && e.permanent) throw new UnrecoverableError(e.message);
    throw e;
  }
}

/** Sends new mailboxes their welcome letters. `npm run workers` starts it through run.ts; tests in-process. */
export function startWelcomeLetterWorker(opts: { concurrency?: number } = {}): Worker {
  const def = queueDefs.welcomeLetter;
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(def.name, processJob, { connection, prefix: queuePrefix(), concurrency: opts.concurrency ?? WELCOME_LETTER_CONCURRENCY });
  worker.on("failed", (job, err) => log.warn("welcome letter attempt failed", { jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message }));
  worker.on("error", (err) => log.error("worker error", { error: err.message }));
  // BullMQ never closes a connection it was handed, so this one goes here.
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  return worker;
}
