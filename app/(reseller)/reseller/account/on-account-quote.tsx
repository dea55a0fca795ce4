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

/** Why the server would refuse paying on account, in the same figures it would use. */
function useRefusalText(q: Quote): string | null {
  const t = useTranslations("resellerAccount.quote");
  const { money } = useDisplayFormat();
  const m = (fen: number) => money(fen, q.currency);
  switch (q.reason) {
    case null:
      return null;
    case "sub_reseller_client":
      return t("subResellerClient");
    case "suspended":
      return t("suspended");
    case "parent_suspended":
      return t("parentSuspended");
    case "currency":
      return t("currency", { order: q.currency, account: q.accountCurrency });
    case "over_limit": {
      const figures = { wholesale: m(q.wholesale), available: m(q.available), limit: m(q.creditLimit), owed: m(q.owed), balance: m(q.balance) };
      return q.balance > 0 ? t("overLimitInCredit", figures) : t("overLimit", figures);
    }
  }
}

function QuoteFigures({ quote: q }: { quote: Quote }) {
  const t = useTranslations("resellerAccount.quote");
  const { money } = useDisplayFormat();
  const m = (fen: number) => money(fen, q.currency);
  const refused = useRefusalText(q);
  // Paying for a sub-reseller's client is not this reseller's to do: no figures of another account.
  const own = q.reason !== "sub_reseller_client";
  return (
    <>
      {own && (
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }} data-testid="on-account-quote">
          <Descriptions.Item label={t("wholesale")}>{m(q.wholesale)}</Descriptions.Item>
          <Descriptions.Item label={t("margin")}>{m(q.margin)}</Descriptions.Item>
          <Descriptions.Item label={t("available")}>{money(q.available, q.accountCurrency)}</Descriptions.Item>
        </Descriptions>
      )}
      {refused && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refused} data-testid="on-account-refused" />}
    </>
  );
}
