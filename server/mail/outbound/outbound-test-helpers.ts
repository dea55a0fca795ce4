// Shared by the relay's integration tests (and the bench's sink): a remote exchange made with
// smtp-server on port 0 that follows a script of replies, counts messages by Message-ID and
// sessions open at once, and a queued outbound message made through the real store.
// Not imported by application code.
import type { AddressInfo, Socket } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { IncomingMessage } from "@/server/mail/engine.types";
import { commitMessage } from "@/server/mail/store/commit-message";
import { accountOf, incomingMessage, recipient } from "@/server/mail/store/incoming-message-fixture";
import { flushSyncedMarks } from "@/server/mail/store/unsynced-marks";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";

/** What the exchange answers to one transaction: take it, refuse at RCPT or after the data, or drop the connection after the data (no reply). */
export type Reply = "accept" | "drop" | { at: "rcpt" | "data"; code: number; message: string };

export type RemoteMessage = { messageId: string; from: string; to: string[]; raw: string; secure: boolean };

export type RemoteMx = {
  port: number;
  messages: RemoteMessage[];
  /** Replies for the next transactions, in order; "accept" once they run out. */
  script: Reply[];
  /** Each Message-ID that arrived, and how many times. */
  countByMessageId(): Map<string, number>;
  /** The most TCP sessions that were open at once. */
  maxOpen(): number;
  transactions(): number;
  waitFor(count: number, timeoutMs?: number): Promise<RemoteMessage[]>;
  close(): Promise<void>;
};

export async function startRemoteMx(opts: { script?: Reply[]; delayMs?: number } = {}): Promise<RemoteMx> {
  const messages: RemoteMessage[] = [];
  const script = [...(opts.script ?? [])];
  const plans = new Map<string, Reply>();
  let open = 0;
  let maxOpen = 0;
  let transactions = 0;
  const refuse = (r: { code: number; message: string }) => Object.assign(new Error(r.message), { responseCode: r.code });
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    logger: false,
    // Counted by smtp-server's own session events: after STARTTLS the raw socket's handle moves
    // to the TLS socket and the raw one never reports its close.
    onConnect(_session, callback) {
      open += 1;
      maxOpen = Math.max(maxOpen, open);
      callback();
    },
    onClose() {
      open -= 1;
    },
    onMailFrom(_address, session, callback) {
      transactions += 1;
      plans.set(session.id, script.shift() ?? "accept");
      callback();
    },
    onRcptTo(_address, session, callback) {
      const plan = plans.get(session.id);
      if (plan && typeof plan === "object" && plan.at === "rcpt") return callback(refuse(plan));
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const finish = () => {
          const plan = plans.get(session.id) ?? "accept";
          if (plan === "drop") {
            const conn = [...server.connections].find((c) => c.id === session.id) as unknown as { _socket: Socket } | undefined;
            conn?._socket.destroy();
            return;
          }
          if (typeof plan === "object") return callback(refuse(plan));
          const raw = Buffer.concat(chunks).toString("utf8");
          const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "";
          messages.push({ messageId, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw, secure: session.secure });
          callback();
        };
        if (opts.delayMs) setTimeout(finish, opts.delayMs);
        else finish();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    script,
    countByMessageId: () => {
      const counts = new Map<string, number>();
      for (const m of messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      return counts;
    },
    maxOpen: () => maxOpen,
    transactions: () => transactions,
    async waitFor(count, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} messages at the remote exchange, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sets environment variables for this test file and re-reads the configuration. */
export function setEnv(vars: Record<string, string | number | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = String(v);
  }
  resetEnvCache();
}

type Box = { id: string; tenantId: string; address: string };

/** A message from `box` (signed in to submission) to outside addresses, stored and committed as the engine does; returns it and its outbox rows. */
export async function queueOutbound(box: Box, to: string[], over: Partial<IncomingMessage> = {}) {
  const msg = incomingMessage({ sender: accountOf(box), mailFrom: box.address, listener: "submission", recipients: to.map((r) => recipient(r, [], [r], box.tenantId)), ...over });
  await commitMessage(msg);
  await flushSyncedMarks();
  const rows = await db.outboxItem.findMany({ where: { messageId: msg.id }, orderBy: { id: "asc" } });
  return { msg, rows };
}
