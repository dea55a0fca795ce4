"use client";

import { useTranslations } from "next-intl";
import { Typography, type TableColumnType } from "antd";
import type { DomainView } from "@/server/domains/domain-view";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { DomainStateTag } from "./domain-state-tag";

type StatusRow = Pick<DomainView, "state" | "aliasOf" | "lastCheckedAt">;

/** The state, "alias of" and last-check columns: the customer's and the operators' domain tables show them alike. */
export function useDomainStatusColumns<R extends StatusRow>(): TableColumnType<R>[] {
  const t = useTranslations("domains");
  const { shortDateTime } = useDisplayFormat();
  return [
    { key: "state", title: t("list.state"), render: (_, d) => <DomainStateTag state={d.state} /> },
    {
      key: "aliasOf",
      title: t("list.aliasOf"),
      render: (_, d) => (d.aliasOf ? d.aliasOf.unicodeName : <Typography.Text type="secondary">{t("list.primary")}</Typography.Text>),
    },
    {
      key: "lastChecked",
      title: t("list.lastChecked"),
      onCell: () => ({ style: { whiteSpace: "nowrap" } }),
      render: (_, d) => (d.lastCheckedAt ? shortDateTime(d.lastCheckedAt) : <Typography.Text type="secondary">{t("list.never")}</Typography.Text>),
    },
  ];
}
