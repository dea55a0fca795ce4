"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { signOut } from "next-auth/react";
import { Alert, Button, Space } from "antd";
import { ChangePasswordCard } from "@/app/_components/security/change-password-card";

/** The explanation, the change, and the way on (or out): the session stays, its other browsers end. */
export function ForcedChange({ account, home, expired, maxAgeDays }: { account: "user" | "mailbox"; home: string; expired: boolean; maxAgeDays: number }) {
  const t = useTranslations("passwords");
  const router = useRouter();
  return (
    <Space direction="vertical" size={16} style={{ width: "100%", maxWidth: 560 }}>
      <Alert type="warning" showIcon data-testid="forced-change-reason" title={t("forcedTitle")} description={expired && maxAgeDays > 0 ? t("forcedExpired", { days: maxAgeDays }) : t("forcedMailbox")} />
      <ChangePasswordCard
        account={account}
        onChanged={() => {
          router.replace(home);
          router.refresh();
        }}
      />
      <Space>
        {!expired && <Button onClick={() => router.push(home)}>{t("continue")}</Button>}
        <Button type="link" onClick={() => void signOut({ callbackUrl: "/signin" })}>
          {t("signOut")}
        </Button>
      </Space>
    </Space>
  );
}
