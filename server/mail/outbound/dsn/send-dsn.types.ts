import { z } from "zod";

// What the relay hands sendDsn (RFC 3464 fields per recipient). Checked strictly where a value
// ends up in a header field (addresses, the MTA's name, status codes: no line breaks, ASCII);
// the remote server's diagnostic text is free text and is cleaned instead (dsn-report.ts).

const ADDRESS = /^[\x21-\x3b\x3d\x3f-\x7e]+@[A-Za-z0-9.-]+$/; // printable ASCII without < > and spaces
const HOST = /^(\[[0-9A-Fa-f.:]+\]|[A-Za-z0-9.:-]+)$/;

export const ZDsnRecipient = z.object({
  recipient: z.string().max(254, "an address has at most 254 characters").regex(ADDRESS, "expected an address such as bob@example.com"),
  status: z.string().regex(/^[245]\.\d{1,3}\.\d{1,3}$/, "expected an RFC 3463 status such as 5.1.1"),
  remoteMta: z.string().max(253, "a host name has at most 253 characters").regex(HOST, "expected the remote server's host name or address").nullable(),
  diagnostic: z.string().nullable(),
  lastAttemptAt: z.date({ message: "expected a valid time of the last attempt" }),
  willRetryUntil: z.date({ message: "expected a valid time until which the relay retries" }).optional(),
});

export const ZSendDsnInput = z
  .object({
    messageId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "expected a message id (ULID)"),
    kind: z.enum(["failed", "delayed"], { message: "expected failed or delayed" }),
    recipients: z.array(ZDsnRecipient).min(1, "name at least one recipient").max(1000, "at most 1,000 recipients per notice"),
  })
  .superRefine((input, ctx) => {
    // A delay is transient by definition (4.x.x); a failure may be permanent (5.x.x) or a
    // transient problem that outlived the retry period (4.4.7).
    input.recipients.forEach((r, i) => {
      if (r.status.startsWith("2")) ctx.addIssue({ code: "custom", path: ["recipients", i, "status"], message: `a ${input.kind} notice needs a 4.x.x or 5.x.x status` });
      if (input.kind === "delayed" && r.status.startsWith("5")) ctx.addIssue({ code: "custom", path: ["recipients", i, "status"], message: "a delay has a 4.x.x status" });
    });
    const seen = new Set<string>();
    input.recipients.forEach((r, i) => {
      const key = r.recipient.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["recipients", i, "recipient"], message: "this recipient is named twice" });
      seen.add(key);
    });
  });

export type TDsnRecipient = z.infer<typeof ZDsnRecipient>;
export type TSendDsnInput = z.infer<typeof ZSendDsnInput>;
export type DsnKind = TSendDsnInput["kind"];

/** One recipient of the notice, as the relay reports it (the caller's side of the contract). */
export type DsnRecipient = {
  recipient: string;
  /** RFC 3463: 5.x.x or 4.x.x for "failed", 4.x.x for "delayed". */
  status: string;
  /** The exchange tried last (host name), null when none was reached. */
  remoteMta: string | null;
  /** The remote reply ("550 5.1.1 User unknown") or what went wrong (DNS, connection). */
  diagnostic: string | null;
  lastAttemptAt: Date;
  /** For "delayed": when the relay gives up. */
  willRetryUntil?: Date;
};

export type SendDsnInput = { messageId: string; kind: "failed" | "delayed"; recipients: DsnRecipient[] };
