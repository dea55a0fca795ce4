import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { env } from "@/server/shared/env";
import { SelfService } from "./self-service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("mailbox") };
}

/** The mailbox user's self-service page (the layout has already checked the session). */
export default function MailboxPage() {
  return <SelfService mailLogDays={env().MAIL_LOG_RETENTION_DAYS} />;
}
