"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Button, Result } from "antd";

/** Shown when a page throws; the details stay in the server log (digest), not on screen. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main style={{ padding: 24 }}>
      <Result
        status="error"
        title={t("errorTitle")}
        subTitle={error.digest ? `${t("errorText")} (${error.digest})` : t("errorText")}
        extra={
          <Button type="primary" onClick={reset}>
            {t("retry")}
          </Button>
        }
      />
    </main>
  );
}
