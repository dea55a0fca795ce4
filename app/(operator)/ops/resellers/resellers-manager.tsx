"use client";

import { useState } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Input, Select, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";
import { formatMoney } from "@/app/_components/money";
import type { ResellerStatus } from "@/server/resellers/ops/reseller.types";
import { CreateResellerDrawer } from "./create-reseller-drawer";
import { nestResellers, type TreeRow } from "./reseller-tree";

/** The operator's resellers: a tree (sub-resellers under their parent), filters, and "New reseller". */
export function ResellersManager() {
  const t = useTranslations("resellersOps");
  const locale = useLocale();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<ResellerStatus | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  // Parents start expanded (sub-resellers visible); the operator may fold them.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const list = useQuery(trpc.resellers.ops.list.queryOptions({ search: search.trim() || undefined, status }));
  // "New reseller" offers every top-level reseller as a parent, whatever the table's filters hide.
  const all = useQuery({ ...trpc.resellers.ops.list.queryOptions({}), enabled: creating });
  const tree = nestResellers(list.data ?? []);
  const expanded = tree.filter((r) => r.children && !collapsed.has(r.id)).map((r) => r.id);

  return (
    <Flex vertical gap={16}>
      <Card
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("new")}
          </Button>
        }
        title={
          <Flex gap={8} wrap>
            <Input.Search allowClear placeholder={t("searchPlaceholder")} style={{ width: 260 }} onSearch={setSearch} aria-label={t("searchPlaceholder")} />
            <Select<ResellerStatus>
              allowClear
              placeholder={t("statusFilter")}
              style={{ width: 140 }}
              value={status}
              onChange={setStatus}
              options={(["active", "suspended"] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            />
          </Flex>
        }
      >
        {list.error && <Alert type="error" showIcon title={refusalText(t)(list.error)} style={{ marginBottom: 12 }} />}
        <Table<TreeRow>
          rowKey="id"
          loading={list.isFetching}
          dataSource={tree}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, r) => setCollapsed((c) => (open ? new Set([...c].filter((id) => id !== r.id)) : new Set([...c, r.id]))),
          }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t("columns.name"), dataIndex: "name", render: (name: string, r) => <Link href={`/ops/resellers/${r.id}`}>{name}</Link> },
            { title: t("columns.status"), dataIndex: "status", render: (s: ResellerStatus) => <Tag color={s === "active" ? "green" : "red"}>{t(`statuses.${s}`)}</Tag> },
            { title: t("columns.contact"), render: (_, r) => [r.contactName, r.contactPhone].filter(Boolean).join(" · ") || "—" },
            { title: t("columns.clients"), dataIndex: "clientCount", align: "right" },
            { title: t("columns.subResellers"), dataIndex: "subResellerCount", align: "right" },
            { title: t("columns.staff"), dataIndex: "staffCount", align: "right" },
            { title: t("columns.discount"), dataIndex: "discountBps", align: "right", render: (bps: number) => `${(bps / 100).toFixed(2)} %` },
            { title: t("columns.creditLimit"), dataIndex: "creditLimit", align: "right", render: (fen: number) => formatMoney(fen, "CNY", locale) },
          ]}
        />
      </Card>
      {creating && <CreateResellerDrawer parents={(all.data ?? []).filter((r) => r.parentId === null)} onClose={() => setCreating(false)} />}
    </Flex>
  );
}
