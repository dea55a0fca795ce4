"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Space, Table, Tag } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { TImportView } from "@/server/tenants/imports/import-view";
import { useImportError } from "./use-import-error";

const COLORS: Record<TImportView["status"], string> = { validated: "default", applying: "processing", done: "success", failed: "error" };

/** 导入记录: the tenant's latest imports, each with its result file once finished. */
export function ImportHistory({ onOpen }: { onOpen: (importId: string) => void }) {
  const t = useTranslations("imports");
  const trpc = useTRPC();
  const f = useDisplayFormat();
  const errorText = useImportError();
  const list = useQuery({
    ...trpc.tenants.imports.list.queryOptions(),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.some((r) => r.status === "applying") ? 2_000 : false),
  });
  return (
    <Card title={t("history.title")}>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<TImportView>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t("history.empty") }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t("history.file"), dataIndex: "fileName" },
          { title: t("history.uploaded"), dataIndex: "createdAt", render: (d: Date) => f.shortDateTime(d) },
          {
            title: t("history.status"),
            key: "status",
            // A checked file with bad rows can never be applied: say so rather than "checked".
            render: (_, r) => (r.status === "validated" && r.errorRows > 0 ? <Tag color="error">{t("history.states.invalid")}</Tag> : <Tag color={COLORS[r.status]}>{t(`history.states.${r.status}`)}</Tag>),
          },
          { title: t("history.rows"), dataIndex: "totalRows", render: (n: number) => f.count(n) },
          { title: t("history.outcome"), key: "outcome", render: (_, r) => (r.status === "validated" ? "—" : `${f.count(r.createdRows)} / ${f.count(r.skippedRows)} / ${f.count(r.failedRows)}`) },
          {
            title: t("history.result"),
            key: "actions",
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => onOpen(r.id)}>
                  {t("history.open")}
                </Button>
                {r.hasResult && (
                  <Button size="small" type="link" href={`/api/tenants/imports/${r.id}/result`}>
                    {t("detail.result")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
