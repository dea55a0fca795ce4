"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button, Tooltip } from "antd";
import { GlobalOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { LOCALES, toLocale, type Locale } from "@/server/shared/locale";
import { writeLocaleCookie } from "./locale-cookie";

/**
 * Switches between the languages: one button per other language (one, today), named in that
 * language. The cookie remembers the choice in this browser; a signed-in user's choice is
 * also saved on their account.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("common");
  const current = toLocale(useLocale());
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.me.setLocale.mutationOptions());
  const [pending, startTransition] = useTransition();

  async function choose(locale: Locale) {
    writeLocaleCookie(locale);
    // The cookie already switched the language; a failed save only loses the cross-browser memory.
    if (signedIn) await save.mutateAsync({ locale }).catch(() => undefined);
    startTransition(() => router.refresh());
  }

  return (
    <>
      {LOCALES.filter((l) => l !== current).map((locale) => (
        <Tooltip key={locale} title={t("switchLanguage")}>
          <Button
            type="text"
            icon={<GlobalOutlined />}
            loading={pending || save.isPending}
            lang={locale}
            onClick={() => void choose(locale)}
          >
            {t(`languageNames.${locale}`)}
          </Button>
        </Tooltip>
      ))}
    </>
  );
}
