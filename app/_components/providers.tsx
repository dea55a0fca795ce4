"use client";

import type { ReactNode } from "react";
import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import enUS from "antd/locale/en_US";
import { TrpcProvider } from "@/app/_trpc/client";
import type { Locale } from "@/server/shared/locale";

const ANTD_LOCALES = { "zh-CN": zhCN, en: enUS } as const;

/** Client-side providers every page shares: antd's locale and theme, antd's App context, tRPC. */
export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[locale]}
      theme={{ token: { colorPrimary: "#1f5fbf" } }}
      // antd would show "登录" as "登 录"; keep labels as written (and as tests look them up).
      button={{ autoInsertSpace: false }}
    >
      <App>
        <TrpcProvider>{children}</TrpcProvider>
      </App>
    </ConfigProvider>
  );
}
