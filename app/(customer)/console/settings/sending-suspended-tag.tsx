"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Tag, Tooltip } from "antd";
import { useTRPC } from "@/app/_trpc/client";

/**
 * "Sending suspended" for a mailbox the abuse limit (or an operator) stopped from sending; nothing
 * otherwise. Every row asks the same query, which react-query fetches once for the whole table.
 */
export function SendingSuspendedTag({ mailboxId }: { mailboxId: string }) {
  const t = useTranslations("spamPolicy");
  const trpc = useTRPC();
  const suspended = useQuery({ ...trpc.abuse.suspendedMailboxes.queryOptions(), staleTime: 30_000 });
  const mine = suspended.data?.find((m) => m.id === mailboxId);
  if (!mine) return null;
  return (
    <Tooltip title={t("suspendedTagHint")}>
      <Tag color="volcano">{t("suspendedTitle")}</Tag>
    </Tooltip>
  );
}
