"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Table, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { LoginLogRow } from "@/server/auth/login-log/login-log-row";
import { LoginChannelText, LoginClient, LoginIp, LoginResultTag, LoginTime } from "@/app/_components/login-log/login-cells";
import { refusalText } from "@/app/_components/audit/trpc-error";

const SHOWN = 20;

/**
 * The caller's own latest sign-in attempts, new networks marked, on the personal security pages.
 * Portal accounts read security.loginLog.mine; on the mailbox self-service page pass
 * account="mailbox" (security.loginLog.mineAsMailbox).
 */
export function MySignInsCard({ account = "portal" }: { account?: "portal" | "mailbox" }) {
  const t = useTranslations("loginLog");
  const trpc = useTRPC();
  const query = useQuery(account === "mailbox" ? trpc.security.loginLog.mineAsMailbox.queryOptions() : trpc.security.loginLog.mine.queryOptions());
  return (
    <Card title={t("mine.title")} data-testid="my-sign-ins">
      <Typography.Paragraph type="secondary">{t("mine.subtitle", { count: SHOWN })}</Typography.Paragraph>
      {query.error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={refusalText(t)(query.error)} style={{ marginBottom: 12 }} />}
      <Table<LoginLogRow>
        rowKey="id"
        size="small"
        pagination={false}
        loading={query.isLoading}
        dataSource={query.data ?? []}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("mine.empty") }}
        columns={[
          { key: "time", title: t("columns.time"), render: (_, row) => <LoginTime at={row.occurredAt} /> },
          { key: "ip", title: t("columns.ip"), render: (_, row) => <LoginIp row={row} /> },
          { key: "channel", title: t("columns.channel"), render: (_, row) => <LoginChannelText channel={row.channel} /> },
          { key: "client", title: t("columns.client"), render: (_, row) => <LoginClient row={row} /> },
          { key: "result", title: t("columns.result"), render: (_, row) => <LoginResultTag row={row} /> },
        ]}
      />
    </Card>
  );
}
