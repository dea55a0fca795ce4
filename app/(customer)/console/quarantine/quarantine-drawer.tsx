"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Collapse, Descriptions, Drawer, Empty, Flex, List, Popconfirm, Skeleton, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { QuarantineRow } from "@/server/mail/quarantine/quarantine.types";
import { useZoneTime } from "../mail-log/use-zone-time";
import { formatBytes, formatScore, KindTag, ReasonTags } from "./quarantine-tags";
import type { QuarantineScopeName } from "./use-quarantine-actions";

const pre = { whiteSpace: "pre-wrap", wordBreak: "break-word", margin: 0, fontSize: 13, maxHeight: 420, overflow: "auto", background: "rgba(0,0,0,0.02)", padding: 12, borderRadius: 6 } as const;

/**
 * One held message, safely: its headers and plain text as text (React escapes every string; no
 * HTML is rendered, nothing is loaded), attachments by name only; release and delete in the footer.
 */
export function QuarantineDrawer({
  scope,
  row,
  timeZone,
  releaseLabel,
  releaseConfirm,
  onClose,
  onRelease,
  onDelete,
}: {
  scope: QuarantineScopeName;
  row: QuarantineRow | null;
  timeZone: string | undefined;
  releaseLabel: string;
  releaseConfirm: string;
  onClose: () => void;
  onRelease: (row: QuarantineRow) => void;
  onDelete: (row: QuarantineRow) => void;
}) {
  const t = useTranslations("quarantine");
  const trpc = useTRPC();
  const time = useZoneTime(timeZone);
  const input = { id: row?.id ?? "0" };
  const admin = useQuery({ ...trpc.quarantine.preview.queryOptions(input), enabled: row !== null && scope === "admin" });
  const mine = useQuery({ ...trpc.quarantine.previewMine.queryOptions(input), enabled: row !== null && scope === "mine" });
  const query = scope === "admin" ? admin : mine;
  const error = shownError(query.error);
  const p = query.data?.preview;
  const entry = query.data?.entry ?? row;

  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={t("drawer.title")}
      aria-label={t("drawer.title")}
      extra={
        row && (
          <Flex gap={8}>
            {!row.releasedAt && (
              <Popconfirm title={releaseConfirm} description={t("releaseHint")} onConfirm={() => onRelease(row)} okText={releaseLabel}>
                <Button type="primary">{releaseLabel}</Button>
              </Popconfirm>
            )}
            <Popconfirm title={t("deleteConfirm")} onConfirm={() => onDelete(row)} okText={t("delete")} okButtonProps={{ danger: true }}>
              <Button danger>{t("delete")}</Button>
            </Popconfirm>
          </Flex>
        )
      }
    >
      {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
      {query.isLoading && <Skeleton active />}
      {entry && p && (
        <Flex vertical gap={20}>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: "subject", label: t("drawer.subject"), children: p.subject || entry.subject || t("noSubject") },
              { key: "from", label: t("drawer.from"), children: p.from || "—" },
              { key: "to", label: t("drawer.to"), children: p.to || "—" },
              ...(p.cc ? [{ key: "cc", label: t("drawer.cc"), children: p.cc }] : []),
              ...(p.replyTo ? [{ key: "replyTo", label: t("drawer.replyTo"), children: p.replyTo }] : []),
              { key: "date", label: t("drawer.date"), children: p.date ? time(p.date) : "—" },
              { key: "envelope", label: t("drawer.envelope"), children: t("drawer.envelopeValue", { sender: entry.sender || "<>", rcpt: entry.rcpt }) },
              { key: "kind", label: t("drawer.kind"), children: <KindTag kind={entry.kind} /> },
              { key: "score", label: t("drawer.score"), children: formatScore(entry.score) },
              { key: "reasons", label: t("drawer.reasons"), children: <ReasonTags reasons={entry.reasons} /> },
              { key: "size", label: t("drawer.size"), children: formatBytes(entry.size) },
              ...(entry.releasedAt ? [{ key: "released", label: t("columns.releasedAt"), children: t("releasedBy", { who: entry.releasedBy ?? "—", time: time(entry.releasedAt) }) }] : []),
            ]}
          />
          <section aria-label={t("drawer.text")}>
            <Typography.Title level={5}>{t("drawer.text")}</Typography.Title>
            <Typography.Paragraph type="secondary">{t("drawer.safety")}</Typography.Paragraph>
            {p.truncated && <Alert type="info" showIcon title={t("drawer.truncated")} style={{ marginBottom: 8 }} />}
            {p.text.trim() ? <pre style={pre}>{p.text}</pre> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("drawer.noText")} />}
          </section>
          <section aria-label={t("drawer.attachments")}>
            <Typography.Title level={5}>{t("drawer.attachments")}</Typography.Title>
            <Typography.Paragraph type="secondary">{t("drawer.attachmentsHint")}</Typography.Paragraph>
            <List
              size="small"
              bordered
              locale={{ emptyText: t("drawer.noAttachments") }}
              dataSource={p.attachments}
              renderItem={(a) => (
                <List.Item>
                  <Typography.Text>{a.filename || "—"}</Typography.Text>
                  <Typography.Text type="secondary">
                    {a.contentType} · {formatBytes(a.size)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </section>
          <Collapse
            items={[{ key: "headers", label: t("drawer.headers"), children: <pre style={pre}>{p.headers.join("\n")}</pre> }]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
