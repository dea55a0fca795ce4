"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Input, Table, Tag, Typography } from "antd";
import { SwapOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { TenantStatusTag } from "@/app/_components/tenant-status-tag";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { ProblemTags } from "@/app/(reseller)/reseller/clients-table";
import type { ClientRow } from "@/server/resellers/clients/client-row.types";
import { MoveTenantModal } from "./move-tenant-modal";

type Moving = { tenant?: { tenantId: string; name: string; ownerResellerId: string | null }; toReseller?: { resellerId: string; name: string } } | null;

/** The ops reseller page's Clients tab: the reseller's clients and its sub-resellers', each movable. */
export function ClientsTab({ resellerId }: { resellerId: string }) {
  const t = useTranslations("resellerClients");
  const trpc = useTRPC();
  const { money, day, count } = useDisplayFormat();
  const [search, setSearch] = useState("");
  const [moving, setMoving] = useState<Moving>(null);
  const list = useQuery(trpc.resellers.clientsOps.listTenants.queryOptions({ resellerId }));
  const error = shownError(list.error);
  const rows = (list.data?.rows ?? []).filter((r) => !search || r.name.toLowerCase().includes(search.toLowerCase()));

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Input.Search allowClear placeholder={t("filters.searchPlaceholder")} aria-label={t("ops.search")} style={{ width: 260 }} onSearch={(v) => setSearch(v.trim())} />
        <Button icon={<SwapOutlined />} disabled={!list.data} onClick={() => list.data && setMoving({ toReseller: { resellerId, name: list.data.reseller.name } })}>
          {t("ops.moveIn")}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
      <Table<ClientRow>
        rowKey="tenantId"
        size="middle"
        loading={list.isFetching}
        dataSource={rows}
        scroll={{ x: 1000 }}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { key: "name", title: t("columns.name"), render: (_, r) => r.name },
          { key: "owner", title: t("columns.owner"), render: (_, r) => (r.owner.isSelf ? r.owner.name : <Tag>{r.owner.name}</Tag>) },
          { key: "status", title: t("columns.status"), render: (_, r) => <TenantStatusTag status={r.status} /> },
          { key: "plan", title: t("columns.plan"), render: (_, r) => r.plan?.name ?? <Typography.Text type="secondary">{t("noPlan")}</Typography.Text> },
          { key: "seats", title: t("columns.seats"), align: "right", render: (_, r) => (r.seats === null ? "—" : count(r.seats)) },
          { key: "balance", title: t("columns.balance"), align: "right", render: (_, r) => money(r.balance) },
          { key: "paidThrough", title: t("columns.paidThrough"), render: (_, r) => (r.paidThroughDay ? day(r.paidThroughDay) : "—") },
          { key: "problems", title: t("columns.problems"), render: (_, r) => <ProblemTags row={r} /> },
          {
            key: "actions",
            title: "",
            render: (_, r) => (
              <Button size="small" onClick={() => setMoving({ tenant: { tenantId: r.tenantId, name: r.name, ownerResellerId: r.owner.resellerId } })}>
                {t("ops.move")}
              </Button>
            ),
          },
        ]}
      />
      {moving && <MoveTenantModal {...moving} onClose={() => setMoving(null)} />}
    </Flex>
  );
}
