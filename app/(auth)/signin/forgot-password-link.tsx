"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Typography } from "antd";

// The sign-in form's "forgot password" entry (issue 11, password reset by e-mail). The page it
// opens tells mailbox users to ask their administrator instead.
export function ForgotPasswordLink() {
  const t = useTranslations("passwords");
  return (
    <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, textAlign: "center" }}>
      <Link href="/forgot-password" data-testid="forgot-password-link">
        {t("forgotLink")}
      </Link>
    </Typography.Paragraph>
  );
}
