"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Input, InputNumber, Skeleton, Table, Typography } from "antd";
import { SaveOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { parseYuanToFen } from "@/app/_components/money";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { fenToYuanText } from "@/app/(operator)/ops/billing/signed-yuan";
import { wholesalePricePerSeatYear } from "@/server/resellers/pricing/wholesale-price";
import type { PriceList, PriceRow } from "@/server/resellers/account/list-prices";

/** The wholesale price the form's figures would give, or null when they are not valid yet (the server says why on save). */
function preview(list: number, bps: number | null, overrideText: string): number | null {
  const override = overrideText.trim() === "" ? null : parseYuanToFen(overrideText);
  if (bps === null || (overrideText.trim() !== "" && override === null)) return null;
  try {
    return wholesalePricePerSeatYear(list, bps, override);
  } catch {
    return null;
  }
}

/**
 * An operator's pricing for one reseller: a discount off the list price, a wholesale price per
 * plan where the discount does not fit, and the credit limit for orders on its account. Wholesale
 * and margin per seat-year follow the figures as they are typed.
 */
export function PricingTab({ resellerId }: { resellerId: string }) {
  const tAll = useTranslations("resellerAccount");
  const trpc = useTRPC();
  const pricing = useQuery(trpc.resellers.accountsOps.pricing.queryOptions({ resellerId }));
  const error = shownError(pricing.error);
  if (error) return <Alert type="error" showIcon title={tAll("errors.loadFailed")} description={readableMessage(error, tAll)} />;
  // Keyed by the load: the form starts again from what the server holds after every save.
  return pricing.data ? <PricingEditor key={pricing.dataUpdatedAt} resellerId={resellerId} data={pricing.data} loading={pricing.isFetching} /> : <Skeleton active />;
}

function PricingEditor({ resellerId, data, loading }: { resellerId: string; data: PriceList; loading: boolean }) {
  const t = useTranslations("resellerAccount.pricing");
  const tAll = useTranslations("resellerAccount");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { money } = useDisplayFormat();
  const [percent, setPercent] = useState<number | null>(data.discountBps / 100);
  const [overrides, setOverrides] = useState<Record<string, string>>(() =>
    Object.fromEntries(data.rows.map((r) => [r.planId, r.override === null ? "" : fenToYuanText(r.override)])),
  );
  const [limit, setLimit] = useState(fenToYuanText(data.creditLimit));
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.resellers.accountsOps.pathKey() });
  const onError = (e: unknown) => setProblem(readableMessage(shownError(e)!, tAll));
  const savePricing = useMutation(trpc.resellers.accountsOps.setPricing.mutationOptions({ onSuccess: () => (message.success(t("saved")), refresh()), onError }));
  const saveLimit = useMutation(trpc.resellers.accountsOps.setCreditLimit.mutationOptions({ onSuccess: () => (message.success(t("limitSaved")), refresh()), onError }));
  const bps = percent === null ? null : Math.round(percent * 100);

  function submitPricing() {
    setProblem(null);
    const prices = data.rows.map((r) => {
      const text = overrides[r.planId]?.trim() ?? "";
      return { planId: r.planId, pricePerSeatYear: text === "" ? null : (parseYuanToFen(text) ?? -1) };
    });
    savePricing.mutate({ resellerId, discountBps: bps ?? -1, prices });
  }

  return (
    <Flex vertical gap={16}>
      {problem && <Alert type="error" showIcon title={t("failed")} description={problem} closable onClose={() => setProblem(null)} />}
      <Card title={t("title")} size="small">
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t("discount")}</Typography.Text>
            <InputNumber<number> aria-label={t("discount")} min={0} max={100} step={0.5} precision={2} value={percent} onChange={setPercent} suffix="%" style={{ width: 140 }} />
            <Typography.Text type="secondary">{t("discountHelp")}</Typography.Text>
          </Flex>
          <Table<PriceRow>
            rowKey="planId"
            size="small"
            loading={loading}
            dataSource={data.rows}
            pagination={false}
            scroll={{ x: "max-content" }}
            columns={[
              { key: "plan", title: t("plan"), render: (_, r) => r.name },
              { key: "list", title: t("list"), align: "right", render: (_, r) => money(r.listPricePerSeatYear, r.currency) },
              {
                key: "override",
                title: t("override"),
                render: (_, r) => (
                  <Input
                    aria-label={t("overrideFor", { plan: r.name })}
                    prefix="¥"
                    placeholder={t("overrideNone")}
                    style={{ width: 160 }}
                    value={overrides[r.planId] ?? ""}
                    onChange={(e) => setOverrides((o) => ({ ...o, [r.planId]: e.target.value }))}
                  />
                ),
              },
              {
                key: "wholesale",
                title: t("wholesale"),
                align: "right",
                render: (_, r) => {
                  const w = preview(r.listPricePerSeatYear, bps, overrides[r.planId] ?? "");
                  return w === null ? <Typography.Text type="danger">{t("invalid")}</Typography.Text> : money(w, r.currency);
                },
              },
              {
                key: "margin",
                title: t("margin"),
                align: "right",
                render: (_, r) => {
                  const w = preview(r.listPricePerSeatYear, bps, overrides[r.planId] ?? "");
                  return w === null ? "—" : money(r.listPricePerSeatYear - w, r.currency);
                },
              },
            ]}
          />
          <div>
            <Button type="primary" icon={<SaveOutlined />} onClick={submitPricing} loading={savePricing.isPending}>
              {t("save")}
            </Button>
          </div>
        </Flex>
      </Card>
      <Card title={t("creditLimit")} size="small">
        <Flex gap={8} align="center" wrap>
          <Input aria-label={t("creditLimit")} prefix="¥" inputMode="decimal" style={{ width: 200 }} value={limit} onChange={(e) => setLimit(e.target.value)} />
          <Button icon={<SaveOutlined />} loading={saveLimit.isPending} onClick={() => (setProblem(null), saveLimit.mutate({ resellerId, creditLimit: parseYuanToFen(limit) ?? -1 }))}>
            {t("saveLimit")}
          </Button>
          <Typography.Text type="secondary">{t("creditLimitHelp")}</Typography.Text>
        </Flex>
      </Card>
    </Flex>
  );
}
