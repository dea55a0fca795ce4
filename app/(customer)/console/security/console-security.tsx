"use client";

import { useTranslations } from "next-intl";
import { Flex } from "antd";
import { UrlTabs } from "@/app/_components/url-tabs";
import { PolicyAllowList } from "@/app/_components/security/policy-allow-list";
import { PolicyIpRules } from "@/app/_components/security/policy-ip-rules";
import { PolicyKnobsCard } from "@/app/_components/security/policy-knobs-card";
import { PolicyLocks } from "@/app/_components/security/policy-locks";
import { SecondFactorAccounts } from "@/app/_components/security/second-factor-accounts";
import { SECURITY_TABS, type SecurityTab } from "./security-tabs";

const OWN = { kind: "tenant" } as const;

/** The tenant's security settings (seed 001 §7–9), one tab per subject. */
export function ConsoleSecurity({ initialTab }: { initialTab: SecurityTab }) {
  const t = useTranslations("securityPolicy");
  return (
    <UrlTabs
      tabs={SECURITY_TABS}
      initialTab={initialTab}
      items={[
        { key: "password", label: t("tabs.password"), children: <PolicyKnobsCard source={OWN} section="password" /> },
        {
          key: "lockout",
          label: t("tabs.lockout"),
          children: (
            <Flex vertical gap={16}>
              <PolicyKnobsCard source={OWN} section="lockout" />
              <PolicyAllowList kind="tenant" />
            </Flex>
          ),
        },
        { key: "ipRules", label: t("tabs.ipRules"), children: <PolicyIpRules source={OWN} /> },
        { key: "totp", label: t("tabs.totp"), children: <PolicyKnobsCard source={OWN} section="totp" /> },
        { key: "sessions", label: t("tabs.sessions"), children: <PolicyKnobsCard source={OWN} section="sessions" /> },
        { key: "locks", label: t("tabs.locks"), children: <PolicyLocks kind="tenant" /> },
        { key: "secondFactor", label: t("tabs.secondFactor"), children: <SecondFactorAccounts kind="tenant" /> },
      ]}
    />
  );
}
