// Shared by the reseller-accounts integration tests (ops, self, invitations). Not imported by
// application code.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { refusal } from "@/server/test/authz";
import { startSmtpSink, type SmtpSink } from "@/server/test/smtp-sink";
import type { TCreateResellerRequest } from "./reseller.types";

/** A 1×1 PNG, as the browser's upload would send it. */
export const PNG_LOGO =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
export const SVG_LOGO = `data:image/svg+xml;base64,${Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>").toString("base64")}`;

export const key = () => randomUUID();
let seq = 0;
export const uniqueName = (prefix = "华信") => `${prefix}${++seq}-${randomUUID().slice(0, 6)}`;
export const uniqueEmail = (prefix = "staff") => `${prefix}${++seq}-${randomUUID().slice(0, 6)}@reseller.test`;

/** A valid operator create request; override any field. */
export function newReseller(overrides: Partial<TCreateResellerRequest> = {}): TCreateResellerRequest {
  return {
    name: uniqueName(),
    contactName: "王建国",
    contactPhone: "+86 10 8888 6666",
    contactEmail: "sales@huaxin.test",
    serviceHours: "工作日 9:00–18:00",
    discountBps: 1500,
    creditLimit: 5_000_00,
    staff: { name: "李娜", email: uniqueEmail() },
    idempotencyKey: key(),
    ...overrides,
  };
}

export const apiAs = (user: SessionUser | null) => createCaller(makeContext(user));

/** The rows a reseller-accounts write touches, to assert that a refusal wrote nothing. */
export async function accountWriteCounts() {
  const [resellers, users, tokens, audits] = await Promise.all([
    db.reseller.count(),
    db.user.count(),
    db.accountToken.count(),
    db.auditEvent.count({ where: { OR: [{ action: { startsWith: "reseller." } }, { action: { startsWith: "invitation." } }] } }),
  ]);
  return { resellers, users, tokens, audits };
}

/** The refusal of `call` (as `refusal` gives it), asserting that it wrote no reseller-accounts row. */
export async function refusedWritingNothing(call: () => Promise<unknown>) {
  const before = await accountWriteCounts();
  const r = await refusal(call());
  expect(await accountWriteCounts()).toEqual(before);
  return r;
}

/** A staff session of an existing staff row. */
export async function sessionOf(userId: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { id: u.id, email: u.email, name: u.name, role: u.role, tenantId: u.tenantId, resellerId: u.resellerId };
}

/** Points the platform's outgoing mail at a fresh sink (invitation e-mails land there). */
export async function mailSink(): Promise<SmtpSink> {
  const sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.PUBLIC_URL = "https://mail.example.test";
  resetEnvCache();
  return sink;
}

/** The invitation token in the last e-mail to `to`. */
export function tokenFromMail(sink: SmtpSink, to: string): string {
  const mail = [...sink.messages].reverse().find((m) => m.to.includes(to));
  const token = mail?.text.match(/\/invite\/([\w-]+)/)?.[1];
  if (!token) throw new Error(`no invitation to ${to}`);
  return token;
}
