"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Space, Tag, Typography } from "antd";
import type { ChannelOutcome } from "@/server/auth/policy/preview-ip-access";
import { usePolicyApi } from "./policy-api";

export type IpRulesSource = { kind: "tenant" } | { kind: "opsTenant"; tenantId: string };

/**
 * What the rules do to an address: the caller's own by default (so an admin sees what a change
 * would do to them), or one typed in. Runs the sign-in gate's own evaluation on the server.
 */
export function PolicyIpPreview({ source }: { source: IpRulesSource }) {
  const t = useTranslations("securityPolicy");
  const api = usePolicyApi();
  const [ip, setIp] = useState<string | null>(null);
  const preview = useQuery(
    source.kind === "tenant" ? api.trpc.security.policy.tenant.preview.queryOptions({ ip }) : api.trpc.security.policy.ops.preview.queryOptions({ tenantId: source.tenantId, ip }),
  );
  const outcome = (channel: "web" | "mail", o: ChannelOutcome) => (
    <span data-testid={`preview-${channel}`}>
      {t(`ipRules.channels.${channel}.title`)}: <Tag color={o.action === "allow" ? "green" : "red"}>{t(`ipRules.outcome.${o.action}`)}</Tag>
      <Typography.Text type="secondary">{o.matched ? t("ipRules.byRule", { cidr: o.matched }) : t("ipRules.byDefault")}</Typography.Text>
    </span>
  );
  const d = preview.data;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {preview.isError ? (
        <Alert type="error" showIcon title={api.refusal(preview.error)} />
      ) : (
        d && (
          <Alert
            type={d.web.action === "allow" ? "info" : "warning"}
            showIcon
            data-testid="ip-preview"
            title={d.ip ? (d.own ? t("ipRules.yourIp", { ip: d.ip }) : t("ipRules.thatIp", { ip: d.ip })) : t("ipRules.yourIpUnknown")}
            description={
              <Space wrap size="large">
                {outcome("web", d.web)}
                {outcome("mail", d.mail)}
              </Space>
            }
          />
        )
      )}
      <Form layout="inline" onFinish={(v: { ip?: string }) => setIp(v.ip?.trim() || null)}>
        <Form.Item name="ip" label={t("ipRules.tryIp")}>
          <Input placeholder={t("ipRules.tryIpPlaceholder")} style={{ width: 240 }} allowClear aria-label={t("ipRules.tryIp")} />
        </Form.Item>
        <Button htmlType="submit" loading={preview.isFetching}>
          {t("ipRules.check")}
        </Button>
      </Form>
    </Space>
  );
}
