"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { CreateListDrawer } from "./create-list-drawer";
import { ListDetailDrawer } from "./list-detail-drawer";
import { ListsTable } from "./lists-table";
import { useListsError } from "./use-lists-error";

/** The tenant's mailing lists: the table, the create drawer and the detail drawer of one list. */
export function ListsPage() {
  const t = useTranslations("lists");
  const trpc = useTRPC();
  const errorText = useListsError();
  const lists = useQuery({ ...trpc.tenants.lists.list.queryOptions(), staleTime: 0 });
  const domains = useQuery(trpc.domains.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const domainRows = domains.data?.rows ?? [];
  const noDomain = domains.data !== undefined && domainRows.length === 0;

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t("subtitle")}</Typography.Text>
      {lists.error && <Alert type="error" showIcon title={t("loadFailed")} description={errorText(lists.error)} />}
      {noDomain && <Alert type="info" showIcon title={<Link href="/console/domains">{t("noDomain")}</Link>} />}
      <Flex>
        <Button type="primary" disabled={domainRows.length === 0} onClick={() => setCreating(true)}>
          {t("newList")}
        </Button>
      </Flex>
      <ListsTable rows={lists.data?.rows ?? []} loading={lists.isPending} onOpen={setOpenId} />
      {creating && (
        <CreateListDrawer
          domains={domainRows}
          onClose={() => setCreating(false)}
          onCreated={(list) => {
            setCreating(false);
            setOpenId(list.id);
          }}
        />
      )}
      <ListDetailDrawer listId={openId} onClose={() => setOpenId(null)} />
    </Flex>
  );
}
