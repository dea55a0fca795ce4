"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Divider, Drawer, Form, Skeleton } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { ListPolicy } from "@/server/generated/prisma/enums.ts";
import type { ListDetail } from "@/server/tenants/lists/list-view";
import { EntrySection } from "./entry-section";
import { ListSettingsFields } from "./list-settings-fields";
import { usesNamedSenders } from "./policy";
import { useListForm } from "./use-list-form";
import { useListsError } from "./use-lists-error";

type SettingsValues = { name: string; description?: string; policy: ListPolicy };

/** One list's settings, members and (for the policies that use them) named senders. */
export function ListDetailDrawer({ listId, onClose }: { listId: string | null; onClose: () => void }) {
  const t = useTranslations("lists");
  const trpc = useTRPC();
  const errorText = useListsError();
  // The list last opened stays shown while the drawer slides away, instead of a flash of skeleton.
  const [shownId, setShownId] = useState(listId);
  if (listId !== null && listId !== shownId) setShownId(listId);
  const detail = useQuery({ ...trpc.tenants.lists.get.queryOptions({ listId: shownId ?? "" }), enabled: shownId !== null, staleTime: 0 });
  const list = shownId !== null && detail.data?.id === shownId ? detail.data : null;

  return (
    <Drawer open={listId !== null} onClose={onClose} size={720} destroyOnHidden title={list?.address ?? t("title")}>
      {detail.error && <Alert type="error" showIcon title={t("detail.loadFailed")} description={errorText(detail.error)} />}
      {!list && !detail.error && <Skeleton active />}
      {list && <ListDetailBody key={list.id} list={list} />}
    </Drawer>
  );
}

function ListDetailBody({ list }: { list: ListDetail }) {
  const t = useTranslations("lists");
  const trpc = useTRPC();
  const { form, message, onError, refresh } = useListForm<SettingsValues>();
  // The senders' section follows the radio as it is clicked, before the policy is saved.
  const policy = Form.useWatch("policy", form) ?? list.policy;
  const update = useMutation(
    trpc.tenants.lists.update.mutationOptions({
      onSuccess: () => {
        message.success(t("detail.saved"));
        refresh();
      },
      onError,
    }),
  );

  return (
    <>
      <Divider titlePlacement="start">{t("detail.settings")}</Divider>
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        name="list-settings"
        aria-label={t("detail.settings")}
        initialValues={{ name: list.name, description: list.description ?? "", policy: list.policy }}
        onFinish={(v) => update.mutate({ listId: list.id, ...v })}
      >
        <ListSettingsFields />
        <Button htmlType="submit" loading={update.isPending}>
          {t("detail.save")}
        </Button>
      </Form>
      <EntrySection list={list} role="member" />
      {usesNamedSenders(policy) && <EntrySection list={list} role="sender" />}
    </>
  );
}
