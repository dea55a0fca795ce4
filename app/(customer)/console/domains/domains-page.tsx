"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Flex, Skeleton, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { AddDomainForm } from "./add-domain-form";
import { DomainsTable } from "./domains-table";
import { useDomainError } from "./use-domain-error";

/** The customer's domains: the add form with "3 of 5", then the list. */
export function DomainsPage() {
  const t = useTranslations("domains");
  const trpc = useTRPC();
  const errorText = useDomainError();
  const list = useQuery({ ...trpc.domains.list.queryOptions(), staleTime: 0 });
  const data = list.data;

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t("subtitle")}</Typography.Text>
      {list.error && <Alert type="error" showIcon title={t("loadFailed")} description={errorText(list.error)} />}
      {!data && !list.error && <Skeleton active />}
      {data && (
        <>
          <AddDomainForm rows={data.rows} limit={data.limit} />
          <DomainsTable rows={data.rows} />
        </>
      )}
    </Flex>
  );
}
