"use client";

import Link from "next/link";
import { useConsoleBase } from "@/app/_components/acting-tenant";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, List, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { DomainView } from "@/server/domains/domain-view";
import { AddDomainForm } from "../add-domain-form";
import { DomainStateTag } from "../domain-state-tag";
import { aliasesOf } from "../domain-tree";
import { DomainName } from "../domains-table";
import { useDomainError } from "../use-domain-error";

/**
 * On an alias domain's page: what an alias is and why it needs the whole set of records below.
 * The server checks an alias exactly like a primary (own ownership token and DKIM key, its own
 * MX, SPF, DMARC and CNAMEs) and never accepts it on its primary's account (is-domain-accepted.ts).
 */
export function AliasExplained({ domain, primary }: { domain: DomainView; primary: NonNullable<DomainView["aliasOf"]> }) {
  const t = useTranslations("domains.aliases");
  const base = useConsoleBase();
  const names = { alias: domain.unicodeName, primary: primary.unicodeName };
  return (
    <Alert
      type="info"
      showIcon
      data-testid="alias-explained"
      title={t.rich("isAliasOf", { ...names, link: (chunks) => <Link href={`${base}/domains/${primary.id}`}>{chunks}</Link> })}
      description={
        <Flex vertical gap={4}>
          <span>{t("receives", names)}</span>
          <span>{t("records", names)}</span>
        </Flex>
      }
    />
  );
}

/** On a primary domain's page: its alias domains with their states and links, and "add an alias domain". */
export function PrimaryAliases({ domain }: { domain: DomainView }) {
  const t = useTranslations("domains.aliases");
  const base = useConsoleBase();
  const trpc = useTRPC();
  const errorText = useDomainError();
  const { shortDateTime } = useDisplayFormat();
  // The list gives each alias's state and the plan's limit the add form needs.
  const list = useQuery({ ...trpc.domains.list.queryOptions(), staleTime: 0 });
  const aliases = aliasesOf(list.data?.rows ?? [], domain.id);

  return (
    <Card size="small" title={t("title")} data-testid="alias-domains">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("help", { primary: domain.unicodeName })}</Typography.Text>
        {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
        <List<DomainView>
          size="small"
          bordered
          loading={list.isPending}
          dataSource={aliases}
          locale={{ emptyText: t("empty") }}
          renderItem={(alias) => (
            <List.Item
              data-testid="alias-row"
              extra={
                <Typography.Text type="secondary">
                  {alias.lastCheckedAt ? t("lastChecked", { when: shortDateTime(alias.lastCheckedAt) }) : t("neverChecked")}
                </Typography.Text>
              }
            >
              <Flex gap={12} align="center">
                <Link href={`${base}/domains/${alias.id}`}>
                  <DomainName domain={alias} />
                </Link>
                <DomainStateTag state={alias.state} />
              </Flex>
            </List.Item>
          )}
        />
        {list.data && <AddDomainForm rows={list.data.rows} limit={list.data.limit} primary={domain} />}
      </Flex>
    </Card>
  );
}
