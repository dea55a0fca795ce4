"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Collapse, Table, Upload } from "antd";
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { COLUMN_DEFS, IMPORT_COLUMNS, type ImportColumn } from "@/server/tenants/imports/import-columns";

type Refused = { name: string; messages: string[] };

/** POSTs the file as the raw body: the server checks its size while it streams. */
async function sendFile(file: File): Promise<{ id: string } | { messages: string[] }> {
  const res = await fetch(`/api/tenants/imports?name=${encodeURIComponent(file.name)}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
  const body = (await res.json().catch(() => ({ error: res.statusText }))) as { id?: string; error?: string; fieldErrors?: { file?: string[] } };
  if (res.ok && body.id) return { id: body.id };
  return { messages: body.fieldErrors?.file ?? [body.error ?? res.statusText] };
}

/** 导入邮箱: the template, the documented columns, and the drop zone. */
export function UploadCard({ onUploaded }: { onUploaded: (importId: string) => void }) {
  const t = useTranslations("imports");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);

  const upload = async (file: File) => {
    setBusy(file.name);
    setRefused(null);
    try {
      const answer = await sendFile(file);
      if ("id" in answer) {
        onUploaded(answer.id);
        void queryClient.invalidateQueries({ queryKey: trpc.tenants.imports.pathKey() });
      } else setRefused({ name: file.name, messages: answer.messages });
    } finally {
      setBusy(null);
    }
  };

  const columns = IMPORT_COLUMNS.map((c: ImportColumn) => ({ key: c, header: `${COLUMN_DEFS[c].zh} / ${COLUMN_DEFS[c].en}`, required: COLUMN_DEFS[c].required, meaning: t(`upload.col.${c}`) }));
  return (
    <Card title={t("upload.title")} extra={<Button icon={<DownloadOutlined />} href="/api/tenants/imports/template">{t("upload.template")}</Button>}>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: "columns",
            label: t("upload.columns"),
            children: (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={columns}
                columns={[
                  { title: t("upload.column"), dataIndex: "header", width: 220 },
                  { title: t("upload.required"), dataIndex: "required", width: 80, render: (r: boolean) => (r ? t("upload.yes") : t("upload.no")) },
                  { title: t("upload.meaning"), dataIndex: "meaning" },
                ]}
              />
            ),
          },
        ]}
      />
      {refused && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("upload.failed", { name: refused.name })}
          description={refused.messages.map((m) => <div key={m}>{m}</div>)}
          closable={{ onClose: () => setRefused(null) }}
        />
      )}
      <Upload.Dragger
        accept=".csv,text/csv"
        multiple={false}
        showUploadList={false}
        disabled={busy !== null}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? t("upload.uploading", { name: busy }) : t("upload.drop")}</p>
        <p className="ant-upload-hint">{t("upload.hint")}</p>
      </Upload.Dragger>
    </Card>
  );
}
