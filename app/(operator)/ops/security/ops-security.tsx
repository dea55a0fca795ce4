"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Card, Empty, Flex, Form } from "antd";
import { UrlTabs } from "@/app/_components/url-tabs";
import { PolicyAllowList } from "@/app/_components/security/policy-allow-list";
import { PolicyIpRules } from "@/app/_components/security/policy-ip-rules";
import { PolicyKnobsCard, type PolicySection } from "@/app/_components/security/policy-knobs-card";
import { PolicyLocks } from "@/app/_components/security/policy-locks";
import { SecondFactorAccounts } from "@/app/_components/security/second-factor-accounts";
import type { PolicySource } from "@/app/_components/security/policy-api";
import { TenantSelect } from "../sla/tenant-select";
import { OPS_SECURITY_TABS, type OpsSecurityTab } from "./ops-security-tabs";

const SECTIONS: PolicySection[] = ["password", "lockout", "totp", "sessions"];

function PolicySections({ source }: { source: PolicySource }) {
  return (
    <Flex vertical gap={16}>
      {SECTIONS.map((s) => (
        <PolicyKnobsCard key={s} source={source} section={s} />
      ))}
    </Flex>
  );
}

/** A tenant picked by name: its policy (read-only: the tenant's admins own it) and its IP rules. */
function TenantView() {
  const t = useTranslations("securityPolicy");
  const [tenantId, setTenantId] = useState<string | undefined>();
  return (
    <Flex vertical gap={16}>
      <Card>
        <Form.Item label={t("ops.pickTenant")} style={{ marginBottom: 0, maxWidth: 480 }}>
          <TenantSelect value={tenantId} onChange={setTenantId} placeholder={t("ops.pickTenantPlaceholder")} />
        </Form.Item>
      </Card>
      {tenantId ? (
        <>
          <PolicyIpRules key={`ip-${tenantId}`} source={{ kind: "opsTenant", tenantId }} />
          <PolicySections key={`p-${tenantId}`} source={{ kind: "opsTenant", tenantId }} />
        </>
      ) : (
        <Empty description={t("ops.noTenant")} />
      )}
    </Flex>
  );
}

/** The platform's security settings for staff, its allow-list, every lock, any tenant's settings, and any account's second factor. */
export function OpsSecurity({ initialTab }: { initialTab: OpsSecurityTab }) {
  const t = useTranslations("securityPolicy");
  return (
    <UrlTabs
      tabs={OPS_SECURITY_TABS}
      initialTab={initialTab}
      items={[
        { key: "platform", label: t("ops.tabs.platform"), children: <PolicySections source={{ kind: "ops" }} /> },
        { key: "allowList", label: t("ops.tabs.allowList"), children: <PolicyAllowList kind="ops" /> },
        { key: "locks", label: t("ops.tabs.locks"), children: <PolicyLocks kind="ops" /> },
        { key: "tenants", label: t("ops.tabs.tenants"), children: <TenantView /> },
        { key: "accounts", label: t("ops.tabs.accounts"), children: <SecondFactorAccounts kind="ops" /> },
      ]}
    />
  );
}
