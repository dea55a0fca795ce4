"use client";

import { useState } from "react";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useFormatter, useTranslations } from "next-intl";
import { ANNOUNCEMENT_STATES, type AnnouncementState } from "@/server/announcements/announcement-rules";
import { AUDIENCES, LEVELS, type Level, type ManagedAnnouncement, type Scope } from "@/server/announcements/announcement.types";
import { AnnouncementEditor } from "./announcement-editor";
import { LevelTag } from "./level-tag";
import { StateTag } from "./state-tag";
import { useManageApi } from "./use-manage-api";

const PAGE_SIZE = 20;
type Filters = { state?: AnnouncementState; level?: Level; audience?: (typeof AUDIENCES)[Scope][number] };

/**
 * A publisher's announcements (operators', a reseller's, a tenant admin's), history included,
 * with filters, the editor, and publish now / take down / delete. A maintenance window's
 * announcement is shown but managed from its window.
 */
export function ManageAnnouncements({ scope }: { scope: Scope }) {
  const t = useTranslations("announcements");
  const format = useFormatter();
  const { message } = App.useApp();
  const { api, refresh } = useManageApi(scope);
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ManagedAnnouncement | "new" | null>(null);
  const list = useQuery({ ...api.list.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const done = (text: string) => ({
    onSuccess: () => {
      message.success(text);
      refresh();
    },
    onError: (e: { message: string }) => void message.error(e.message),
  });
  const publish = useMutation(api.publishNow.mutationOptions(done(t("actions.published"))));
  const takeDown = useMutation(api.takeDownNow.mutationOptions(done(t("actions.takenDownDone"))));
  const remove = useMutation(api.delete.mutationOptions(done(t("actions.deleted"))));
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" }) : "—");
  const filter = <K extends keyof Filters>(key: K, values: readonly string[], label: (v: string) => string) => {
    const name = t(`filters.${key as keyof Filters}`);
    return (
    <Select<Filters[K]>
      allowClear
      style={{ minWidth: 150 }}
      placeholder={name}
      aria-label={name}
      value={filters[key]}
      onChange={(v) => {
        setFilters((f) => ({ ...f, [key]: v ?? undefined }));
        setPage(1);
      }}
      options={values.map((v) => ({ value: v as Filters[K], label: label(v) }))}
    />
    );
  };
  const audienceText = (a: ManagedAnnouncement) => {
    const base = a.audience === "all" ? t(`audienceAllOf.${scope}`) : t(`audience.${a.audience as "all"}`);
    const names = a.audienceReseller ? [a.audienceReseller.name] : a.targets.map((x) => x.name);
    return names.length ? t("audienceWithNames", { base, names: format.list(names) }) : base;
  };

  if (list.isError) return <Alert type="error" showIcon title={t("loadFailed")} description={list.error.message} />;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {filter("state", ANNOUNCEMENT_STATES, (v) => t(`state.${v as AnnouncementState}`))}
        {filter("level", LEVELS, (v) => t(`level.${v as Level}`))}
        {filter("audience", AUDIENCES[scope], (v) => (v === "all" ? t(`audienceAllOf.${scope}`) : t(`audience.${v as "all"}`)))}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          {t("actions.create")}
        </Button>
      </Space>
      <Table<ManagedAnnouncement>
        rowKey="id"
        size="middle"
        data-testid="manage-announcements"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={() => ({ "data-testid": "managed-announcement" }) as React.HTMLAttributes<HTMLElement>}
        scroll={{ x: 1360 }}
        columns={[
          { key: "title", title: t("columns.title"), width: 280, render: (_, a) => <Typography.Text strong>{a.title}</Typography.Text> },
          { key: "level", title: t("columns.level"), render: (_, a) => <LevelTag level={a.level} />, width: 90 },
          { key: "audience", title: t("columns.audience"), render: (_, a) => audienceText(a), width: 220 },
          { key: "state", title: t("columns.state"), render: (_, a) => <StateTag state={a.state} />, width: 90 },
          { key: "publishAt", title: t("columns.publishAt"), render: (_, a) => when(a.publishAt), width: 180 },
          { key: "takeDownAt", title: t("columns.takeDownAt"), render: (_, a) => when(a.takeDownAt), width: 180 },
          { key: "reads", title: t("columns.reads"), dataIndex: "readCount", width: 90 },
          {
            key: "actions",
            title: t("columns.actions"),
            width: 220,
            render: (_, a) =>
              a.maintenance ? (
                <Tag>{t("actions.maintenanceManaged")}</Tag>
              ) : (
                <Space size="small" wrap>
                  {a.state !== "ended" && (
                    <Button size="small" type="link" onClick={() => setEditing(a)}>
                      {t("actions.edit")}
                    </Button>
                  )}
                  {(a.state === "draft" || a.state === "scheduled") && (
                    <Button size="small" type="link" onClick={() => publish.mutate({ id: a.id })}>
                      {t("actions.publishNow")}
                    </Button>
                  )}
                  {a.state === "current" && (
                    <Popconfirm title={t("actions.takeDownConfirm", { title: a.title })} onConfirm={() => takeDown.mutate({ id: a.id })}>
                      <Button size="small" type="link">
                        {t("actions.takeDown")}
                      </Button>
                    </Popconfirm>
                  )}
                  <Popconfirm title={t("actions.deleteConfirm", { title: a.title })} onConfirm={() => remove.mutate({ id: a.id })}>
                    <Button size="small" type="link" danger>
                      {t("actions.delete")}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {editing && <AnnouncementEditor scope={scope} editing={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
