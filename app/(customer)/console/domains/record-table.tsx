"use client";

import { useTranslations } from "next-intl";
import { Flex, Table, Typography } from "antd";
import type { DkimKeyView } from "@/server/domains/domain-view";
import { DkimKeyStatusTags } from "./[domainId]/dkim-rotation";
import { CheckStatusBadge } from "./check-status-badge";
import { ProblemList } from "./problem-list";
import type { WizardRecord } from "./wizard-types";

const MONO = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", wordBreak: "break-all" } as const;

/** A value with a copy button, named for screen readers ("Copy Host", "Copy Value"). */
function Copyable({ text, label }: { text: string; label: string }) {
  const t = useTranslations("domains.wizard");
  return (
    <Typography.Text style={MONO} copyable={{ text, tooltips: [`${t("copy")} ${label}`, t("copied")] }}>
      {text}
    </Typography.Text>
  );
}

/** One step's records as a DNS panel wants them, each with its status and diagnosis. */
export function RecordTable({ records, dkimKeys }: { records: WizardRecord[]; dkimKeys: DkimKeyView[] }) {
  const t = useTranslations("domains.wizard");
  const keyOf = (r: WizardRecord) => (r.selector === undefined ? undefined : dkimKeys.find((k) => k.selector === r.selector));
  return (
    <Table<WizardRecord>
      rowKey={(r) => `${r.type}-${r.name}-${r.value}`}
      dataSource={records}
      pagination={false}
      size="small"
      scroll={{ x: 720 }}
      columns={[
        {
          key: "host",
          title: t("host"),
          width: 200,
          render: (_, r) => {
            const key = keyOf(r);
            return (
              <Flex vertical gap={4} align="start">
                <Copyable text={r.host} label={t("host")} />
                {key && (
                  <Flex gap={4} data-testid="record-key-status">
                    <DkimKeyStatusTags dkimKey={key} />
                  </Flex>
                )}
              </Flex>
            );
          },
        },
        { key: "type", title: t("type"), width: 80, dataIndex: "type" },
        {
          key: "value",
          title: t("value"),
          render: (_, r) => (
            <Flex vertical gap={4}>
              <Copyable text={r.value} label={t("value")} />
              {r.strings && r.strings.length > 1 && (
                <Flex vertical gap={2} data-testid="txt-strings">
                  <Typography.Text type="secondary">{t("strings", { count: r.strings.length })}</Typography.Text>
                  {r.strings.map((s, i) => (
                    <Flex key={i} gap={8} align="baseline">
                      <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                        {t("stringN", { n: i + 1 })}
                      </Typography.Text>
                      <Copyable text={s} label={t("stringN", { n: i + 1 })} />
                    </Flex>
                  ))}
                </Flex>
              )}
              {r.check && r.showProblems && <ProblemList problems={r.check.problems} advice={r.check.status === "ok"} />}
            </Flex>
          ),
        },
        {
          key: "ttl",
          title: `${t("ttl")} / ${t("priority")}`,
          width: 110,
          render: (_, r) => (r.priority === undefined ? r.ttl : `${r.ttl} / ${r.priority}`),
        },
        { key: "status", title: t("status"), width: 110, render: (_, r) => <CheckStatusBadge status={r.check?.status ?? null} /> },
      ]}
    />
  );
}
