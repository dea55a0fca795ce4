"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Input } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useDomainError } from "@/app/(customer)/console/domains/use-domain-error";
import { OpsDomainsTable, type OpsDomainsPaging } from "./ops-domains-table";

/** All tenants' domains, searchable by domain or tenant name, paged on the server. */
export function OpsDomains() {
  const t = useTranslations("domains.ops");
  const trpc = useTRPC();
  const errorText = useDomainError();
  const [search, setSearch] = useState("");
  const [paging, setPaging] = useState<OpsDomainsPaging>({ page: 1, pageSize: 20 });
  const domains = useQuery({
    ...trpc.domains.all.queryOptions({ ...paging, ...(search ? { search } : {}) }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  return (
    <Card>
      <Flex vertical gap={12}>
        <Input.Search
          allowClear
          placeholder={t("searchPlaceholder")}
          aria-label={t("search")}
          onSearch={(value) => {
            setSearch(value.trim());
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          style={{ maxWidth: 360 }}
        />
        {domains.error && <Alert type="error" showIcon title={t("loadFailed")} description={errorText(domains.error)} />}
        <OpsDomainsTable data={domains.data} loading={domains.isFetching} paging={paging} onPaging={setPaging} />
      </Flex>
    </Card>
  );
}
