"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Descriptions } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { shownError } from "@/app/_components/audit/trpc-error";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { Quote } from "@/server/resellers/account/quote-order";

type Asked = { tenantId: string } & ({ planId: string; seats: number; termYears: number } | { amount: number });

/**
 * Next to "Pay from my reseller account" on the client's order form and top-up panel: the
 * wholesale price the reseller's account is charged, its margin, and the credit left; a warning
 * with the figures when the order would not fit (the server refuses it the same way).
 */
export function OnAccountQuote({ asked }: { asked: Asked }) {
  const trpc = useTRPC();
  const order = "planId" in asked ? asked : null;
  const topUp = "amount" in asked ? asked : null;
  const orderQuote = useQuery({ ...trpc.resellers.account.quote.queryOptions(order ?? { planId: "", seats: 0, termYears: 1 }), enabled: order !== null, retry: false });
  const topUpQuote = useQuery({ ...trpc.resellers.account.quoteTopUp.queryOptions(topUp ?? { tenantId: "", amount: 0 }), enabled: topUp !== null && topUp.amount > 0, retry: false });
  const q: Quote | undefined = order ? orderQuote.data : topUpQuote.data;
  const error = shownError(order ? orderQuote.error : topUpQuote.error);
  if (error) return <Alert type="warning" showIcon title={error.message} />;
  return q ? <QuoteFigures quote={q} /> : null;
}

function QuoteFigures({ quote: q }: { quote: Quote }) {
  const t = useTranslations("resellerAccount.quote");
  const { money } = useDisplayFormat();
  const m = (fen: number) => money(fen, q.currency);
  return (
    <>
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }} data-testid="on-account-quote">
        <Descriptions.Item label={t("wholesale")}>{m(q.wholesale)}</Descriptions.Item>
        <Descriptions.Item label={t("margin")}>{m(q.margin)}</Descriptions.Item>
        <Descriptions.Item label={t("available")}>{m(q.available)}</Descriptions.Item>
      </Descriptions>
      {q.suspended && <Alert type="error" showIcon title={t("suspended")} style={{ marginBottom: 12 }} />}
      {!q.suspended && !q.fits && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("overLimit", { wholesale: m(q.wholesale), owed: m(q.owed), limit: m(q.creditLimit), available: m(q.available) })}
        />
      )}
    </>
  );
}
