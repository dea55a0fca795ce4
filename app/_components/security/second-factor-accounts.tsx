"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Input, Select, Table, Tag, Tooltip, Typography } from "antd";
import { ReloadOutlined } from "@ant-design/icons";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { SecondFactorAccount, TSecondFactorAccountsRequest } from "@/server/auth/totp/list-second-factor-accounts";
import { usePolicyApi } from "./policy-api";

type Role = NonNullable<TSecondFactorAccountsRequest["role"]>;
const ROLES: Role[] = ["operator", "tenant_admin", "reseller"];
const ROLE_COLOR: Record<Role, string> = { operator: "red", tenant_admin: "blue", reseller: "gold" };
// The server's bounds (list-second-factor-accounts.ts); the browser stops short of them first.
const QUERY_MIN = 2;
const QUERY_MAX = 100;

/**
 * Portal accounts whose second factor the caller may reset, with a Reset button: a tenant admin's
 * fellow admins, or (operators) the accounts a search finds. For someone who lost their phone and
 * their recovery codes; the caller's own factor is changed on their own security page.
 */
export function SecondFactorAccounts({ kind }: { kind: "tenant" | "ops" }) {
  const t = useTranslations("securityPolicy.secondFactor");
  const fmt = useDisplayFormat();
  const api = usePolicyApi();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [role, setRole] = useState<Role | undefined>();
  const searching = kind === "ops";
  const ready = !searching || query.length >= QUERY_MIN;
  const input: TSecondFactorAccountsRequest = searching ? { query, ...(role ? { role } : {}) } : {};
  const accounts = useQuery({ ...api.trpc.security.totp.accounts.queryOptions(input), enabled: ready, placeholderData: keepPreviousData });
  const reset = useMutation(api.trpc.security.totp.resetForUser.mutationOptions());

  function confirmReset(a: SecondFactorAccount) {
    modal.confirm({
      title: t("confirmTitle", { who: a.email }),
      content: t("confirmBody"),
      okText: t("reset"),
      okButtonProps: { danger: true },
      cancelText: t("cancel"),
      onOk: async () => {
        const done = await reset.mutateAsync({ userId: a.id }).catch((e: unknown) => void api.message.error(api.refusal(e)));
        if (!done) return;
        api.message.success(t("done", { who: a.email, sessions: done.sessionsEnded }));
        void queryClient.invalidateQueries({ queryKey: api.trpc.security.totp.accounts.pathKey() });
      },
    });
  }

  const organisation = (a: SecondFactorAccount) =>
    a.tenantName ? `${t("tenant")}: ${a.tenantName}` : a.resellerName ? `${t("reseller")}: ${a.resellerName}` : "—";

  return (
    <Card
      title={searching ? t("title") : t("titleTenant")}
      data-testid="second-factor-accounts"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void accounts.refetch()} loading={accounts.isFetching} disabled={!ready}>
          {t("refresh")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{searching ? t("introOps") : t("intro")}</Typography.Paragraph>
      {searching && (
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            maxLength={QUERY_MAX}
            placeholder={t("searchPlaceholder")}
            aria-label={t("search")}
            onSearch={(v) => setQuery(v.trim())}
            style={{ maxWidth: 360 }}
          />
          <Select<Role>
            allowClear
            placeholder={t("anyRole")}
            aria-label={t("role")}
            value={role}
            onChange={setRole}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            style={{ width: 180 }}
          />
        </Flex>
      )}
      {accounts.isError ? (
        <Alert type="error" showIcon title={api.refusal(accounts.error)} />
      ) : !ready ? (
        <Alert type="info" showIcon title={query ? t("queryTooShort", { min: QUERY_MIN }) : t("searchFirst")} />
      ) : (
        <>
          {accounts.data?.truncated && <Alert type="warning" showIcon title={t("truncated", { count: accounts.data.rows.length })} style={{ marginBottom: 12 }} />}
          <Table<SecondFactorAccount>
            rowKey="id"
            size="small"
            loading={accounts.isFetching}
            dataSource={accounts.data?.rows ?? []}
            pagination={false}
            locale={{ emptyText: searching ? t("noMatch") : t("empty") }}
            columns={[
              {
                key: "account",
                title: t("account"),
                render: (_, a) => (
                  <Flex vertical>
                    <span>
                      {a.name} {a.self && <Tag>{t("you")}</Tag>}
                      {a.status !== "active" && <Tag>{t(`statuses.${a.status}`)}</Tag>}
                    </span>
                    <Typography.Text type="secondary">{a.email}</Typography.Text>
                  </Flex>
                ),
              },
              ...(searching
                ? [
                    { key: "role", title: t("role"), render: (_: unknown, a: SecondFactorAccount) => <Tag color={ROLE_COLOR[a.role]}>{t(`roles.${a.role}`)}</Tag> },
                    { key: "org", title: t("organisation"), render: (_: unknown, a: SecondFactorAccount) => organisation(a) },
                  ]
                : []),
              {
                key: "factor",
                title: t("secondFactor"),
                render: (_, a) =>
                  a.enrolledAt ? <Tag color="green">{t("enrolledSince", { since: fmt.shortDateTime(a.enrolledAt) })}</Tag> : <Tag>{t("notEnrolled")}</Tag>,
              },
              { key: "lastLogin", title: t("lastLogin"), render: (_, a) => (a.lastLoginAt ? fmt.shortDateTime(a.lastLoginAt) : t("never")) },
              {
                key: "actions",
                title: "",
                width: 170,
                render: (_, a) => {
                  const why = a.self ? t("ownRow") : a.secondFactor === "not_enrolled" ? t("nothingToReset") : null;
                  const button = (
                    <Button size="small" danger disabled={!!why} loading={reset.isPending && reset.variables?.userId === a.id} onClick={() => confirmReset(a)}>
                      {t("reset")}
                    </Button>
                  );
                  return why ? <Tooltip title={why}>{button}</Tooltip> : button;
                },
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
