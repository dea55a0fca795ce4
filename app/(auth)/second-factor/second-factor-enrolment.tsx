"use client";

import { useTranslations } from "next-intl";
import { signOut } from "next-auth/react";
import { Alert, Button, Typography } from "antd";
import { TotpCard } from "@/app/_components/security/totp-card";

/** The forced enrolment: why, the set-up card, and a way out (sign out) for the wrong account. */
export function SecondFactorEnrolment({ home, email }: { home: string; email: string }) {
  const t = useTranslations("accountSecurity.secondFactor");
  return (
    <div style={{ width: "100%", maxWidth: 720 }}>
      <Typography.Title level={3}>{t("title")}</Typography.Title>
      <Alert type="warning" showIcon title={t("why", { email })} style={{ marginBottom: 16 }} />
      {/* A full navigation, so the portal's server gate sees the lifted restriction. */}
      <TotpCard onFinished={() => window.location.assign(home)} finishLabel={t("continue")} />
      <Button type="link" style={{ paddingLeft: 0, marginTop: 12 }} onClick={() => void signOut({ callbackUrl: "/signin" })}>
        {t("signOut")}
      </Button>
    </div>
  );
}
