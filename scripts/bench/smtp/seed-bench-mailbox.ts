// The engine's side of the bench data: what the MX needs to accept mail for bench@bench.test
// and POP3 needs to let its owner in — an active tenant on a paid plan, the mail_ready domain
// bench.test, the mailbox with a known password (argon2id, as the console stores it) and its
// address row. The quota and message limit are lifted so a long bench never meets them.
import { hashPassword } from "@/server/auth/password";
import { createDb } from "@/server/shared/db";

export const BENCH_DOMAIN = "bench.test";
export const BENCH_MAILBOX = `bench@${BENCH_DOMAIN}`;
export const BENCH_PASSWORD = "Bench#Smtp2026";

export async function seedBenchMailbox(databaseUrl: string): Promise<void> {
  const db = createDb(databaseUrl);
  try {
    const tenant = await db.tenant.create({ data: { name: "SMTP bench", status: "active" } });
    const plan = await db.plan.create({
      data: {
        code: `bench-smtp-${tenant.id}`,
        name: "SMTP bench",
        pricePerSeatYear: 20_000,
        mailboxQuotaMb: 1_000_000,
        mailboxMessageLimit: null,
        attachmentLimitMb: 50,
        largeAttachmentLimitMb: 2048,
        dailySendLimit: 1000,
      },
    });
    await db.subscription.create({
      data: { tenantId: tenant.id, planId: plan.id, seats: 10, pricePerSeatYear: plan.pricePerSeatYear, currency: "CNY", status: "active", paidAt: new Date() },
    });
    const domain = await db.domain.create({
      data: { tenantId: tenant.id, name: BENCH_DOMAIN, unicodeName: BENCH_DOMAIN, state: "mail_ready", ownershipToken: "0".repeat(32), mailReadyAt: new Date() },
    });
    const mailbox = await db.mailbox.create({
      data: {
        tenantId: tenant.id,
        domainId: domain.id,
        localPart: "bench",
        address: BENCH_MAILBOX,
        displayName: "Bench",
        quotaMb: 1_000_000,
        status: "active",
        mustChangePassword: false,
        passwordHash: await hashPassword(BENCH_PASSWORD),
      },
    });
    await db.mailAddress.create({ data: { address: BENCH_MAILBOX, tenantId: tenant.id, domainId: domain.id, kind: "mailbox", mailboxId: mailbox.id } });
  } finally {
    await db.$disconnect();
  }
}
