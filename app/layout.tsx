import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AntdRegistry } from "@ant-design/nextjs-registry";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { toLocale } from "@/server/shared/locale";
import { Providers } from "./_components/providers";
import "antd/dist/reset.css";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { template: `%s · ${t("productName")}`, default: t("productName") },
    description: t("tagline"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = toLocale(await getLocale());
  return (
    <html lang={locale}>
      <body>
        <AntdRegistry>
          {/* Inherits locale, messages and time zone from app/_i18n/request.ts. */}
          <NextIntlClientProvider>
            <Providers locale={locale}>{children}</Providers>
          </NextIntlClientProvider>
        </AntdRegistry>
      </body>
    </html>
  );
}
