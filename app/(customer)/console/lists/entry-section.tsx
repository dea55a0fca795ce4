"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { App, Button, Divider, Flex, Form, Input, Select, Table, Tag, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { ListEntryRole } from "@/server/generated/prisma/enums.ts";
import type { ListDetail, ListEntryView } from "@/server/tenants/lists/list-view";
import { useListForm, useListsRefresh } from "./use-list-form";
import { useListsError } from "./use-lists-error";

type AddValues = { mailboxId?: string; address?: string };

const CONTROL_WIDTH = 300;

/** Adds an entry from one small form (a mailbox picker or an address box); errors land on its field. */
function AddEntryForm({ list, role, field }: { list: ListDetail; role: ListEntryRole; field: keyof AddValues }) {
  const t = useTranslations("lists");
  const trpc = useTRPC();
  const { form, message, onError, refresh } = useListForm<AddValues>();
  const [search, setSearch] = useState("");
  const candidates = useQuery({
    ...trpc.tenants.lists.memberCandidates.queryOptions({ search }),
    enabled: field === "mailboxId",
    placeholderData: keepPreviousData,
  });
  const add = useMutation(
    trpc.tenants.lists.addEntry.mutationOptions({
      onSuccess: (entry) => {
        form.resetFields();
        message.success(t("detail.added", { address: entry.address }));
        refresh();
      },
      onError,
    }),
  );
  const label = t(field === "mailboxId" ? "detail.pickMailbox" : "detail.outsideAddress");
  const taken = new Set((role === "member" ? list.members : list.senders).map((e) => e.mailboxId));

  return (
    <Form<AddValues> form={form} layout="inline" requiredMark={false} name={`add-${role}-${field}`} onFinish={(v) => add.mutate({ listId: list.id, role, ...v })}>
      {/* A fixed-width control: a long refusal wraps under the field instead of widening the item,
          which would push the add button aside while the reader moves to click it. */}
      <Form.Item name={field} label={label} wrapperCol={{ flex: `${CONTROL_WIDTH}px` }} rules={[{ required: true, whitespace: true, message: t("form.required") }]}>
        {field === "mailboxId" ? (
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            style={{ width: "100%" }}
            placeholder={t("detail.pickPlaceholder")}
            loading={candidates.isFetching}
            options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName} <${c.address}>`, disabled: taken.has(c.id) }))}
          />
        ) : (
          <Input placeholder={t("detail.outsidePlaceholder")} autoComplete="off" />
        )}
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t("detail.add")}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** The members (recipients) or the named senders of a list: the entries, then the two ways to add one. */
export function EntrySection({ list, role }: { list: ListDetail; role: ListEntryRole }) {
  const t = useTranslations("lists");
  const trpc = useTRPC();
  const { message } = App.useApp();
  const refresh = useListsRefresh();
  const errorText = useListsError();
  const remove = useMutation(trpc.tenants.lists.removeEntry.mutationOptions());
  const entries = role === "member" ? list.members : list.senders;
  const onRemove = (e: ListEntryView) =>
    remove.mutate(
      { listId: list.id, entryId: e.id },
      {
        onSuccess: () => {
          message.success(t("detail.removed", { address: e.address }));
          refresh();
        },
        onError: (error) => message.error(errorText(error)),
      },
    );

  return (
    <section data-testid={`entries-${role}`}>
      <Divider titlePlacement="start">{t(role === "member" ? "detail.members" : "detail.senders")}</Divider>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t(role === "member" ? "detail.membersHelp" : "detail.sendersHelp")}</Typography.Text>
        <Table<ListEntryView>
          rowKey="id"
          size="small"
          showHeader={false}
          dataSource={entries}
          pagination={entries.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: t(role === "member" ? "detail.membersEmpty" : "detail.sendersEmpty") }}
          columns={[
            { key: "address", render: (_, e) => (e.displayName ? `${e.displayName} <${e.address}>` : e.address) },
            { key: "kind", width: 110, render: (_, e) => (e.mailboxId ? <Tag color="blue">{t("detail.mailboxTag")}</Tag> : <Tag>{t("detail.outsideTag")}</Tag>) },
            {
              key: "remove",
              width: 90,
              render: (_, e) => (
                <Button size="small" type="link" danger onClick={() => onRemove(e)}>
                  {t("detail.remove")}
                </Button>
              ),
            },
          ]}
        />
        <AddEntryForm list={list} role={role} field="mailboxId" />
        <AddEntryForm list={list} role={role} field="address" />
      </Flex>
    </section>
  );
}
