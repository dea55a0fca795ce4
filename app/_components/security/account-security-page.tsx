"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Alert, Col, Row } from "antd";
import { PageTitle } from "@/app/_components/typography";
import { ChangePasswordCard } from "./change-password-card";
import { MySignInsCard } from "./my-sign-ins-card";
import { SessionsCard } from "./sessions-card";
import { TotpCard } from "./totp-card";

/**
 * A person's own security page: password, second factor, signed-in browsers and recent
 * sign-ins. Portal accounts get all four; mailbox users (who change their password on /mailbox)
 * the last two.
 */
export function AccountSecurityPage({ account = "portal" }: { account?: "portal" | "mailbox" }) {
  const t = useTranslations("accountSecurity");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Row gutter={[16, 16]}>
        {account === "portal" && (
          <>
            <Col xs={24} xl={12}>
              <ChangePasswordCard />
            </Col>
            <Col xs={24} xl={12}>
              <TotpCard />
            </Col>
          </>
        )}
        {account === "mailbox" && (
          <Col xs={24}>
            {/* Mailbox users change their password on the self-service home; say where, since this page is where they look. */}
            <Alert type="info" showIcon title={t("mailboxPassword")} action={<Link href="/mailbox">{t("mailboxPasswordLink")}</Link>} />
          </Col>
        )}
        <Col xs={24}>
          <SessionsCard />
        </Col>
        <Col xs={24}>
          <MySignInsCard account={account} />
        </Col>
      </Row>
    </>
  );
}
