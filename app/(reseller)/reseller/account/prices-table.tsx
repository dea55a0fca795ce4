"use client";

import { useTranslations } from "next-intl";
import { Table, Tag } from "antd";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { PriceRow } from "@/server/resellers/account/list-prices";
import { nowrap } from "./account-parts";

/** Per active plan: list price, the reseller's wholesale price and margin per seat-year. */
export function PricesTable({ rows, loading }: { rows: PriceRow[]; loading?: boolean }) {
  const t = useTranslations("resellerAccount.prices");
  const { money } = useDisplayFormat();
  return (
    <Table<PriceRow>
      rowKey="planId"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: "max-content" }}
      columns={[
        { key: "plan", title: t("plan"), render: (_, r) => r.name },
        { key: "list", title: t("list"), align: "right", onCell: nowrap, render: (_, r) => money(r.listPricePerSeatYear, r.currency) },
        {
          key: "wholesale",
          title: t("wholesale"),
          align: "right",
          onCell: nowrap,
          render: (_, r) => (
            <>
              {money(r.wholesalePricePerSeatYear, r.currency)} {r.override !== null && <Tag color="purple">{t("override")}</Tag>}
            </>
          ),
        },
        { key: "margin", title: t("margin"), align: "right", onCell: nowrap, render: (_, r) => money(r.marginPerSeatYear, r.currency) },
      ]}
    />
  );
}
