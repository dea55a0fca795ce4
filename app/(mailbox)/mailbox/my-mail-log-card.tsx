"use client";

import { useTranslations } from "next-intl";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Card, Flex, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { MailLogResults } from "@/app/(customer)/console/mail-log/mail-log-results";

/** 我的邮件投递状态: the mailbox user's own lines (sent and received), newest first. */
export function MyMailLogCard({ days }: { days: number }) {
  const t = useTranslations("mailLog");
  const trpc = useTRPC();
  const query = useInfiniteQuery(trpc.mailLog.mine.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return (
    <Card title={t("mine.title")}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("mine.hint", { days })}</Typography.Text>
        <MailLogResults query={{ ...query, pages: query.data?.pages }} emptyText={t("mine.empty")} />
      </Flex>
    </Card>
  );
}
