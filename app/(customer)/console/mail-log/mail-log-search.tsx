"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Card, Flex, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { shownError } from "@/app/_components/audit/trpc-error";
import { MailLogFilterForm } from "./mail-log-filter-form";
import { MailLogResults } from "./mail-log-results";
import { toMailLogSearch, type MailLogSearch } from "./mail-log-values";

/** The tenant admin's 收发信记录: filter bar, then the lines newest first, 50 at a time. */
export function MailLogSearchView({ days }: { days: number }) {
  const t = useTranslations("mailLog");
  const trpc = useTRPC();
  const [search, setSearch] = useState<MailLogSearch>({});
  const query = useInfiniteQuery({
    ...trpc.mailLog.search.infiniteQueryOptions(search, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const zone = query.data?.pages[0]?.timeZone ?? "…";
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t("subtitle", { days, zone })}</Typography.Text>
      <Card>
        <MailLogFilterForm days={days} fieldErrors={shownError(query.error)?.fieldErrors ?? {}} onApply={(values) => setSearch(toMailLogSearch(values))} />
      </Card>
      <Card>
        <MailLogResults query={{ ...query, pages: query.data?.pages }} />
      </Card>
    </Flex>
  );
}
