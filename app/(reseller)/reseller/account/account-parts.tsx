"use client";

import { useTranslations } from "next-intl";
import { Tag, Typography } from "antd";
import type { ResellerLedgerKind } from "@/server/generated/prisma/enums.ts";
import { useDisplayFormat } from "@/app/_components/use-display-format";

const COLORS: Record<ResellerLedgerKind, string> = {
  wholesale_charge: "red",
  margin_credit: "green",
  override_credit: "cyan",
  payment: "blue",
  adjustment: "gold",
};

export function ResellerKindTag({ kind }: { kind: ResellerLedgerKind }) {
  const t = useTranslations("resellerAccount.kinds");
  return <Tag color={COLORS[kind]}>{t(kind)}</Tag>;
}

/** Credits in green with a plus, what adds to the debt in red: the sign is what a reader scans for. */
export function SignedMoney({ fen, currency = "CNY" }: { fen: number; currency?: string }) {
  const { money } = useDisplayFormat();
  return <Typography.Text type={fen < 0 ? "danger" : fen > 0 ? "success" : undefined}>{`${fen > 0 ? "+" : ""}${money(fen, currency)}`}</Typography.Text>;
}

/** Keeps a cell on one line (amounts, dates, references). */
export const nowrap = () => ({ style: { whiteSpace: "nowrap" as const } });
