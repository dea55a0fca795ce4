// Shared by accept/'s integration tests. Not imported by application code.
import { resetEnvCache } from "@/server/shared/env";
import { loadMailAccount } from "../auth/load-mail-account";
import type { MailAccount, ResolvedRecipient, SmtpRefusal } from "../engine.types";
import { clearAcceptCaches } from "./clear-accept-caches";
import { resolveRecipient, type ResolveRecipientInput } from "./resolve-recipient";

/** Sets MAIL_CACHE_SECONDS (0 = every lookup reads the database) and starts with empty caches. */
export function useCacheSeconds(seconds: number): void {
  process.env.MAIL_CACHE_SECONDS = String(seconds);
  resetEnvCache();
  clearAcceptCaches();
}

/** A RCPT TO on MX from an outside sender, unless `over` says otherwise. */
export function rcpt(address: string, over: Partial<Omit<ResolveRecipientInput, "address">> = {}): Promise<ResolvedRecipient | SmtpRefusal> {
  return resolveRecipient({ listener: "mx", address, mailFrom: "stranger@outside.example", sender: null, declaredSize: null, ...over });
}

/** The account of a mailbox, as AUTH gives it to the SMTP session. */
export async function accountOf(mailbox: { address: string }): Promise<MailAccount> {
  const loaded = await loadMailAccount(mailbox.address);
  if (!loaded) throw new Error(`no mailbox ${mailbox.address}`);
  return loaded.account;
}

/** The resolved recipient, failing the test with the refusal's text when it was refused. */
export function accepted(r: ResolvedRecipient | SmtpRefusal): ResolvedRecipient {
  if ("code" in r) throw new Error(`refused: ${r.code} ${r.enhanced} ${r.text}`);
  return r;
}

/** Local deliveries' addresses and remote recipients, sorted: what a list expanded to. */
export function targets(r: ResolvedRecipient | SmtpRefusal): { local: string[]; remote: string[] } {
  const ok = accepted(r);
  return { local: ok.local.map((d) => d.address).sort(), remote: ok.remote.map((d) => d.recipient).sort() };
}
