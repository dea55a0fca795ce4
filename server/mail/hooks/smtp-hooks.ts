import type { IncomingMessage, Listener, MailAccount, QuarantineVerdict, ResolvedRecipient, SmtpRefusal } from "../engine.types";

// SMTP-phase hooks: the seam where the [Filtering] issue plugs in SPF/DKIM/DMARC (mailauth),
// rspamd and ClamAV without touching the listeners. The registry is empty by default, so the
// accept path pays one array length check per phase and nothing else.

export type ConnectContext = { listener: Listener; clientIp: string };
export type MailFromContext = ConnectContext & { helo: string; mailFrom: string; sender: MailAccount | null };
export type RcptToContext = MailFromContext & { recipient: ResolvedRecipient };
/** The whole message as received (before our Received header), with its envelope. */
export type DataContext = Omit<IncomingMessage, "bytes"> & { bytes: Buffer };

/**
 * What a data hook decided. `headers` are complete header lines without CRLF (e.g.
 * "Authentication-Results: mx.example; spf=pass"), stored right below our Received header.
 * `quarantine` holds the message for review instead of delivering it: the store files a
 * QuarantineItem for each local recipient it covers instead of a mailbox copy.
 */
export type DataVerdict = { refusal?: SmtpRefusal; headers?: string[]; quarantine?: QuarantineVerdict };

type RefusingHook<C> = (ctx: C) => Promise<SmtpRefusal | null> | SmtpRefusal | null;

export type SmtpHooks = {
  connect: RefusingHook<ConnectContext>[];
  mailFrom: RefusingHook<MailFromContext>[];
  rcptTo: RefusingHook<RcptToContext>[];
  data: ((ctx: DataContext) => Promise<DataVerdict | null> | DataVerdict | null)[];
};

export type HookPhase = keyof SmtpHooks;

const hooks: SmtpHooks = { connect: [], mailFrom: [], rcptTo: [], data: [] };

/** Adds a hook to a phase (run in registration order); returns a function that removes it. */
export function registerSmtpHook<P extends HookPhase>(phase: P, hook: SmtpHooks[P][number]): () => void {
  const list = hooks[phase] as SmtpHooks[P][number][];
  list.push(hook);
  return () => {
    const i = list.indexOf(hook);
    if (i >= 0) list.splice(i, 1);
  };
}

/** The first refusal of the phase's hooks, or null when all of them let the command through. */
export async function runRefusingHooks<P extends Exclude<HookPhase, "data">>(phase: P, ctx: Parameters<SmtpHooks[P][number]>[0]): Promise<SmtpRefusal | null> {
  const list = hooks[phase] as RefusingHook<typeof ctx>[];
  for (const hook of list) {
    const r = await hook(ctx);
    if (r) return r;
  }
  return null;
}

export type DataOutcome = { refusal: SmtpRefusal | null; headers: string[]; quarantine: QuarantineVerdict | null };

/** Runs every data hook; the first refusal stops them, headers accumulate, the first quarantine verdict wins. */
export async function runDataHooks(ctx: DataContext): Promise<DataOutcome> {
  const outcome: DataOutcome = { refusal: null, headers: [], quarantine: null };
  for (const hook of hooks.data) {
    const v = await hook(ctx);
    if (!v) continue;
    if (v.refusal) return { ...outcome, refusal: v.refusal };
    if (v.headers) outcome.headers.push(...v.headers);
    if (v.quarantine && outcome.quarantine === null) outcome.quarantine = v.quarantine;
  }
  return outcome;
}

/** True when no hook is registered for the phase (lets the listener skip building a context). */
export function hasHooks(phase: HookPhase): boolean {
  return hooks[phase].length > 0;
}
