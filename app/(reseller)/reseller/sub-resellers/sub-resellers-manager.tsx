"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Result, Skeleton, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";
import type { ResellerRow } from "@/server/resellers/ops/reseller.types";
import { SubResellerForm, type SubReseller } from "./sub-reseller-form";

/** A top-level reseller's sub-resellers: list, create (with a first staff invitation), edit its card (its status is the platform's). */
export function SubResellersManager() {
  const t = useTranslations("resellerProfile.subResellers");
  const tOps = useTranslations("resellersOps");
  const trpc = useTRPC();
  const me = useQuery(trpc.resellers.self.me.queryOptions());
  const list = useQuery({ ...trpc.resellers.self.subResellers.queryOptions(), enabled: me.data?.mayHaveSubResellers === true });
  // undefined: closed; null: the create form; a row: its edit form.
  const [editing, setEditing] = useState<SubReseller | null | undefined>(undefined);

  if (me.error) return <Alert type="error" showIcon title={refusalText(tOps)(me.error)} />;
  if (!me.data) return <Skeleton active />;
  if (!me.data.mayHaveSubResellers) return <Result status="info" title={t("notTopLevel")} />;
  const suspended = me.data.effectiveStatus === "suspended";

  return (
    <Card
      extra={
        <Button type="primary" icon={<PlusOutlined />} disabled={suspended} onClick={() => setEditing(null)}>
          {t("new")}
        </Button>
      }
    >
      {suspended && <Alert type="warning" showIcon title={tOps("suspendedSelf")} style={{ marginBottom: 12 }} />}
      {list.error && <Alert type="error" showIcon title={refusalText(tOps)(list.error)} style={{ marginBottom: 12 }} />}
      <Table<ResellerRow & { serviceHours: string | null; logo: string | null }>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: tOps("columns.name"), dataIndex: "name" },
          { title: tOps("columns.status"), dataIndex: "status", render: (s: ResellerRow["status"]) => <Tag color={s === "active" ? "green" : "red"}>{tOps(`statuses.${s}`)}</Tag> },
          { title: tOps("columns.contact"), render: (_, r) => [r.contactName, r.contactPhone].filter(Boolean).join(" · ") || "—" },
          { title: tOps("columns.clients"), dataIndex: "clientCount", align: "right" },
          { title: tOps("columns.staff"), dataIndex: "staffCount", align: "right" },
          {
            title: tOps("staff.actions"),
            render: (_, r) => (
              <Button type="link" size="small" disabled={suspended} onClick={() => setEditing(r)}>
                {t("edit")}
              </Button>
            ),
          },
        ]}
      />
      {editing !== undefined && <SubResellerForm sub={editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
