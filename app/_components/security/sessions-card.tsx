"use client";

import { useFormatter, useTranslations } from "next-intl";
import { signOut } from "next-auth/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Popconfirm, Table, Tag, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";
import type { MySession } from "@/server/auth/sessions/list-my-sessions";

/** The caller's signed-in browsers: end one, or all but this one. Any kind of account. */
export function SessionsCard() {
  const t = useTranslations("accountSecurity.sessions");
  const tErr = useTranslations("accountSecurity");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery(trpc.security.sessions.list.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.security.sessions.pathKey() });
  const failed = (e: unknown) => message.error(refusalText(tErr)(e));
  const revoke = useMutation(
    trpc.security.sessions.revoke.mutationOptions({
      onSuccess: (_r, input) => {
        message.success(t("revoked"));
        // Ending one's own session signs this browser out: clear its cookie too.
        if (list.data?.find((s) => s.id === input.id)?.current) void signOut({ callbackUrl: "/signin" });
        else refresh();
      },
      onError: failed,
    }),
  );
  const revokeOthers = useMutation(
    trpc.security.sessions.revokeOthers.mutationOptions({
      onSuccess: (r) => {
        message.success(t("revokedOthers", { count: r.revoked }));
        refresh();
      },
      onError: failed,
    }),
  );
  // Kept on one line: on a phone the table scrolls sideways rather than breaking dates apart.
  const when = (d: Date) => <span style={{ whiteSpace: "nowrap" }}>{format.dateTime(d, { dateStyle: "medium", timeStyle: "short" })}</span>;
  const others = (list.data ?? []).filter((s) => !s.current).length;

  return (
    <Card
      title={t("title")}
      data-testid="sessions-card"
      extra={
        <Popconfirm title={t("revokeOthersConfirm")} okText={t("yes")} cancelText={t("no")} onConfirm={() => revokeOthers.mutate()} disabled={others === 0}>
          <Button disabled={others === 0} loading={revokeOthers.isPending}>
            {t("revokeOthers")}
          </Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph type="secondary">{t("intro")}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={t("loadFailed")} description={refusalText(tErr)(list.error)} style={{ marginBottom: 12 }} />}
      <Table<MySession>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        scroll={{ x: "max-content" }}
        columns={[
          {
            key: "client",
            title: t("client"),
            render: (_, s) => (
              <>
                {s.client ?? t("unknownClient")} {s.current && <Tag color="blue">{t("current")}</Tag>}
              </>
            ),
          },
          { key: "ip", title: t("ip"), render: (_, s) => <span style={{ whiteSpace: "nowrap" }}>{s.ip ?? "—"}</span> },
          { key: "created", title: t("created"), render: (_, s) => when(s.createdAt) },
          { key: "seen", title: t("lastSeen"), render: (_, s) => when(s.lastSeenAt) },
          {
            key: "actions",
            title: "",
            render: (_, s) => (
              <Popconfirm
                title={s.current ? t("revokeCurrentConfirm") : t("revokeConfirm")}
                okText={t("yes")}
                cancelText={t("no")}
                onConfirm={() => revoke.mutate({ id: s.id })}
              >
                <Button size="small" danger>
                  {s.current ? t("signOutHere") : t("revoke")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
