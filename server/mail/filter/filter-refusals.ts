import type { SmtpRefusal } from "../engine.types";
import { refusal } from "../smtp-refusal";

// Every answer the filters give at the end of DATA (issue 8). 5.7.1 = "delivery not
// authorized, message refused" (RFC 3463); 554 for a virus as the issue asks (transaction
// failed, never retry); 451 4.7.1 = a policy check could not be made now, try later.

const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").slice(0, 200);
const fmt = (n: number) => n.toFixed(1);

export const virusFound = (signature: string): SmtpRefusal => refusal(554, "5.7.1", `Message rejected: virus found (${printable(signature)})`);

export const spamRejected = (score: number, limit: number): SmtpRefusal =>
  refusal(550, "5.7.1", `Message rejected as spam: score ${fmt(score)} reaches the rejection threshold ${fmt(limit)}`);

export const outboundSpamRejected = (score: number, limit: number): SmtpRefusal =>
  refusal(550, "5.7.1", `Message not sent: it looks like spam (score ${fmt(score)}, limit ${fmt(limit)} for outgoing mail); remove what looks like spam and try again`);

export const dmarcRejected = (domain: string): SmtpRefusal =>
  refusal(550, "5.7.1", `Message rejected: it failed DMARC for ${printable(domain)} (no aligned SPF or DKIM pass) and ${printable(domain)} publishes p=reject`);

export const dmarcTemporary = (domain: string): SmtpRefusal =>
  refusal(451, "4.7.1", `DMARC for ${printable(domain)} could not be evaluated (temporary DNS error); try again later`);

// 4.3.2: the system is not accepting messages now (too many waiting to be scanned).
export const scanningBusy = (): SmtpRefusal => refusal(451, "4.3.2", "Too many messages waiting to be scanned; try again later");

export const scanningUnavailable = (): SmtpRefusal => refusal(451, "4.7.1", "Message scanning temporarily unavailable; try again later");
