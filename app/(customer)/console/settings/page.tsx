import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle, SecondaryText } from "@/app/_components/typography";
import { WelcomeTemplateEditor } from "./welcome-template-editor";
import { SpamPolicyCard } from "./spam-policy-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("welcome"))("title") };
}

export default async function SettingsPage() {
  const t = await getTranslations("welcome");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <SecondaryText>{t("subtitle")}</SecondaryText>
      <div style={{ marginTop: 16 }}>
        <WelcomeTemplateEditor />
      </div>
      <div style={{ marginTop: 16 }}>
        <SpamPolicyCard />
      </div>
    </>
  );
}
