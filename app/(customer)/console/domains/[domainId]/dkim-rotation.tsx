"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Flex, Table, Tag, Typography } from "antd";
import { SyncOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { DkimKeyView } from "@/server/domains/domain-view";
import type { DkimKeyStatus } from "@/server/generated/prisma/enums.ts";
import { useDomainError } from "../use-domain-error";

const STATUS_COLORS: Record<DkimKeyStatus, string> = { pending: "gold", active: "green", retired: "default" };

/** A key's status, and "signing" on the key that signs the domain's mail now. */
export function DkimKeyStatusTags({ dkimKey }: { dkimKey: Pick<DkimKeyView, "status" | "signing"> }) {
  const t = useTranslations("domains.dkimKeys");
  return (
    <>
      <Tag color={STATUS_COLORS[dkimKey.status]} style={{ marginInlineEnd: 0 }}>
        {t(`status.${dkimKey.status}`)}
      </Tag>
      {dkimKey.signing && (
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {t("signing")}
        </Tag>
      )}
    </>
  );
}

/** A key's selector with its status tags. */
export function DkimKeyTags({ dkimKey }: { dkimKey: Pick<DkimKeyView, "selector" | "status" | "signing"> }) {
  return (
    <Flex gap={4} align="center" wrap={false} data-testid="dkim-key">
      <Typography.Text code>{dkimKey.selector}</Typography.Text>
      <DkimKeyStatusTags dkimKey={dkimKey} />
    </Flex>
  );
}

/**
 * The domain's DKIM keys and "Rotate key": a new pending key whose record the customer publishes;
 * signing moves to it once a check has seen that record. The server refuses a second rotation
 * while one is pending, and its sentence is shown as is.
 */
export function DkimRotation({ domainId }: { domainId: string }) {
  const t = useTranslations("domains.dkimKeys");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errorText = useDomainError();
  const { shortDateTime } = useDisplayFormat();
  const domain = useQuery({ ...trpc.domains.get.queryOptions({ domainId }), staleTime: 0, retry: false });
  const rotate = useMutation(
    trpc.domains.rotateDkim.mutationOptions({
      // The new key's TXT record joins the DKIM step, so the records are reloaded too.
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.domains.pathKey() }).then(() => void message.success({ key: "dkim-rotate", content: t("rotated") })),
      onError: (error) => void message.error({ key: "dkim-rotate", content: `${t("rotateFailed")}: ${errorText(error)}`, duration: 8 }),
    }),
  );
  const keys = domain.data?.dkimKeys ?? [];
  const date = (d: Date | null) => (d ? shortDateTime(d) : "—");

  return (
    <Card
      size="small"
      title={t("title")}
      extra={
        <Button icon={<SyncOutlined />} loading={rotate.isPending} disabled={!domain.data} onClick={() => rotate.mutate({ domainId })}>
          {t("rotate")}
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t("help")}</Typography.Text>
        <Table<DkimKeyView>
          rowKey="id"
          size="small"
          loading={domain.isFetching}
          dataSource={keys}
          pagination={false}
          locale={{ emptyText: domain.error ? errorText(domain.error) : t("empty") }}
          columns={[
            { key: "key", title: t("key"), render: (_, k) => <DkimKeyTags dkimKey={k} /> },
            { key: "created", title: t("created"), render: (_, k) => date(k.createdAt) },
            { key: "activated", title: t("activated"), render: (_, k) => date(k.activatedAt) },
            { key: "retired", title: t("retired"), render: (_, k) => date(k.retiredAt) },
          ]}
        />
      </Flex>
    </Card>
  );
}
