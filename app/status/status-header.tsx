"use client";

import { useTranslations } from "next-intl";
import { MailOutlined } from "@ant-design/icons";
import { LanguageSwitch } from "@/app/_components/language-switch";

/** The public page's top bar: the product and page name, and the language switch (signed out). */
export function StatusHeader() {
  const t = useTranslations();
  return (
    <header style={{ display: "flex", alignItems: "center", gap: 12, padding: "12px 24px", background: "#fff", borderBottom: "1px solid #f0f0f0" }}>
      <h1 style={{ margin: 0, fontSize: 18, fontWeight: 600, whiteSpace: "nowrap" }}>
        <MailOutlined /> {t("common.productName")} · {t("statusPage.title")}
      </h1>
      <span style={{ marginInlineStart: "auto" }}>
        <LanguageSwitch signedIn={false} />
      </span>
    </header>
  );
}
