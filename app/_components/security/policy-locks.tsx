"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Popconfirm, Table, Tag, Typography } from "antd";
import { ReloadOutlined } from "@ant-design/icons";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { LockView } from "@/server/auth/policy/list-active-locks";
import { usePolicyApi, usePolicyMutation } from "./policy-api";

const KIND_COLOR = { user: "blue", mailbox: "purple", ip: "orange" } as const;

/**
 * Locks in force with an Unlock button: a tenant admin's own tenant's accounts, or (operators)
 * every lock, per-address ones and the tenant of each too.
 */
export function PolicyLocks({ kind }: { kind: "tenant" | "ops" }) {
  const t = useTranslations("securityPolicy");
  const fmt = useDisplayFormat();
  const api = usePolicyApi();
  const locks = useQuery(kind === "tenant" ? api.trpc.security.policy.tenant.locks.queryOptions() : api.trpc.security.policy.ops.locks.queryOptions());
  const unlock = usePolicyMutation((id: string) => (kind === "tenant" ? api.client.tenant.unlock.mutate({ id }) : api.client.ops.unlock.mutate({ id })), {
    onSuccess: (r) => void api.message.success(r.unlocked ? t("locks.unlocked") : t("locks.alreadyEnded")),
  });

  return (
    <Card
      title={t("locks.title")}
      data-testid="locks"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void locks.refetch()} loading={locks.isFetching}>
          {t("locks.refresh")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{kind === "tenant" ? t("locks.intro") : t("locks.introOps")}</Typography.Paragraph>
      {locks.isError ? (
        <Alert type="error" showIcon title={api.refusal(locks.error)} />
      ) : (
        <Table<LockView>
          rowKey="id"
          size="small"
          loading={locks.isPending}
          dataSource={locks.data ?? []}
          pagination={false}
          locale={{ emptyText: t("locks.empty") }}
          columns={[
            { key: "account", title: t("locks.account"), render: (_, l) => (l.kind === "ip" ? <Typography.Text code>{l.ip}</Typography.Text> : (l.account ?? l.accountId)) },
            { key: "kind", title: t("locks.kind"), render: (_, l) => <Tag color={KIND_COLOR[l.kind]}>{t(`locks.kinds.${l.kind}`)}</Tag> },
            ...(kind === "ops" ? [{ key: "tenant", title: t("locks.tenant"), render: (_: unknown, l: LockView) => l.tenantName ?? "—" }] : []),
            { key: "failures", title: t("locks.failures"), dataIndex: "failures" },
            { key: "lockedAt", title: t("locks.lockedAt"), render: (_, l) => fmt.shortDateTime(l.lockedAt) },
            { key: "lockedUntil", title: t("locks.lockedUntil"), render: (_, l) => fmt.shortDateTime(l.lockedUntil) },
            {
              key: "actions",
              title: "",
              width: 110,
              render: (_, l) => (
                <Popconfirm title={t("locks.unlockConfirm", { who: l.account ?? l.ip ?? "" })} okText={t("locks.unlock")} onConfirm={() => unlock.mutate(l.id)}>
                  <Button size="small" type="primary" ghost loading={unlock.isPending && unlock.variables === l.id}>
                    {t("locks.unlock")}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
