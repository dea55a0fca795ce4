"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Skeleton, Typography } from "antd";
import { usePolicyApi } from "./policy-api";
import { PolicyIpChannel } from "./policy-ip-channel";
import { PolicyIpPreview, type IpRulesSource } from "./policy-ip-preview";

/** A tenant's IP sign-in rules: how they are read, what they do to an address, then web and mail separately. */
export function PolicyIpRules({ source }: { source: IpRulesSource }) {
  const t = useTranslations("securityPolicy");
  const api = usePolicyApi();
  const view = useQuery(
    source.kind === "tenant" ? api.trpc.security.policy.tenant.ipRules.queryOptions() : api.trpc.security.policy.ops.tenantIpRules.queryOptions({ tenantId: source.tenantId }),
  );
  if (view.isError) return <Alert type="error" showIcon title={api.refusal(view.error)} />;
  if (!view.data) return <Skeleton active />;
  return (
    <Flex vertical gap={16}>
      <Card title={t("ipRules.title")}>
        <Typography.Paragraph data-testid="ip-rules-order">{t("ipRules.order")}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t("ipRules.count", { count: view.data.rules.length, max: view.data.max })}</Typography.Paragraph>
        <PolicyIpPreview source={source} />
      </Card>
      <PolicyIpChannel source={source} channel="web" view={view.data} />
      <PolicyIpChannel source={source} channel="mail" view={view.data} />
    </Flex>
  );
}
