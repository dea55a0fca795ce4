"use client";

import { useState } from "react";
import { useConsoleBase } from "@/app/_components/acting-tenant";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Popconfirm, Table, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { DomainView } from "@/server/domains/domain-view";
import { useDomainStatusColumns } from "./domain-status-columns";
import { domainTree, expandedKeys, type DomainTreeRow } from "./domain-tree";
import { useDomainError } from "./use-domain-error";

/** Unicode name with the ASCII form under it when they differ (例子.中国 / xn--fsqu00a.xn--fiqs8s). */
export function DomainName({ domain }: { domain: Pick<DomainView, "name" | "unicodeName"> }) {
  return (
    <Flex vertical>
      <span>{domain.unicodeName}</span>
      {domain.unicodeName !== domain.name && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {domain.name}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The tenant's domains, each alias domain indented under its primary (all shown unless folded). */
export function DomainsTable({ rows }: { rows: DomainView[] }) {
  const t = useTranslations("domains");
  const base = useConsoleBase();
  const statusColumns = useDomainStatusColumns<DomainTreeRow>();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errorText = useDomainError();
  const remove = useMutation(trpc.domains.remove.mutationOptions());
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const tree = domainTree(rows);
  const onExpand = (expanded: boolean, d: DomainTreeRow) =>
    setFolded((old) => {
      const next = new Set(old);
      if (expanded) next.delete(d.id);
      else next.add(d.id);
      return next;
    });

  const onRemove = (d: DomainView) =>
    remove.mutateAsync(
      { domainId: d.id },
      {
        onSuccess: () => {
          message.success(t("list.removed", { name: d.unicodeName }));
          void queryClient.invalidateQueries({ queryKey: trpc.domains.pathKey() });
        },
        // A refusal (mailboxes or aliases still use it) is the server's sentence, shown as is.
        onError: (error) => message.error(`${t("list.removeFailed", { name: d.unicodeName })}: ${errorText(error)}`, 8),
      },
    ).catch(() => undefined);

  return (
    <Table<DomainTreeRow>
      rowKey="id"
      dataSource={tree}
      expandable={{ expandedRowKeys: expandedKeys(tree, folded), onExpand }}
      pagination={false}
      locale={{ emptyText: t("list.empty") }}
      columns={[
        {
          key: "name",
          title: t("list.name"),
          render: (_, d) => (
            <Link href={`${base}/domains/${d.id}`}>
              <DomainName domain={d} />
            </Link>
          ),
        },
        ...statusColumns,
        {
          key: "actions",
          title: t("list.actions"),
          render: (_, d) => (
            <Flex gap={8}>
              <Link href={`${base}/domains/${d.id}`}>{t("list.open")}</Link>
              <Popconfirm title={t("list.removeConfirm", { name: d.unicodeName })} okButtonProps={{ danger: true }} onConfirm={() => onRemove(d)}>
                <Button type="link" danger size="small" style={{ padding: 0 }}>
                  {t("list.remove")}
                </Button>
              </Popconfirm>
            </Flex>
          ),
        },
      ]}
    />
  );
}
