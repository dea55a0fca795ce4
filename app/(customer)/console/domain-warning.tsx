"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useProblemText } from "./domains/use-problem-text";

/**
 * The customer home's warning (seed 001 area 2): domains whose MX a check proved missing or
 * wrong, since when and why, each linking to its wizard. Nothing while every MX is fine.
 */
export function DomainWarning() {
  const t = useTranslations("domains.warning");
  const sentence = useProblemText();
  const format = useFormatter();
  const trpc = useTRPC();
  const warnings = useQuery({ ...trpc.domains.mxWarnings.queryOptions(), staleTime: 0 });
  const rows = warnings.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t("title")}
      data-testid="mx-warning"
      description={
        <>
          {t("body")}
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 18 }}>
            {rows.map((w) => (
              <li key={w.domainId}>
                <Link href={`/console/domains/${w.domainId}`}>{w.unicodeName}</Link>
                {" — "}
                {t("since", { when: format.dateTime(w.since, { dateStyle: "medium", timeStyle: "short" }) })}
                {w.problems.length > 0 && ` ${w.problems.map(sentence).join(" ")}`} <Link href={`/console/domains/${w.domainId}`}>{t("fix")}</Link>
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
