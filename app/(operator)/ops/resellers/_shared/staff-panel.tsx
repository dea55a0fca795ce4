"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag } from "antd";
import { UserAddOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { newRequestId, refusalText } from "@/app/_components/audit/trpc-error";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { StaffView } from "@/server/resellers/ops/reseller.types";

/** Whose staff: an operator on a reseller's page, or the reseller's own staff on its profile. */
export type StaffOwner = { kind: "ops"; resellerId: string } | { kind: "self"; readOnly?: boolean };

const STATUS_COLOR = { active: "green", invited: "blue", disabled: "default" } as const;

/** The staff accounts with Add / Resend invitation / Disable / Enable. */
export function StaffPanel({ owner }: { owner: StaffOwner }) {
  const t = useTranslations("resellersOps.staff");
  const tErr = useTranslations("resellersOps");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const refused = refusalText(tErr);

  const opsList = useQuery({ ...trpc.resellers.ops.get.queryOptions({ resellerId: owner.kind === "ops" ? owner.resellerId : "" }), enabled: owner.kind === "ops" });
  const selfList = useQuery({ ...trpc.resellers.self.staff.queryOptions(), enabled: owner.kind === "self" });
  const staff: StaffView[] = (owner.kind === "ops" ? opsList.data?.staff : selfList.data) ?? [];
  const error = owner.kind === "ops" ? opsList.error : selfList.error;
  const readOnly = owner.kind === "self" && owner.readOnly;

  const refresh = () => void queryClient.invalidateQueries({ queryKey: owner.kind === "ops" ? trpc.resellers.ops.pathKey() : trpc.resellers.self.pathKey() });
  const done = (key: "resent" | "disabled" | "enabled") => ({
    onSuccess: (r: StaffView | { invitationSent: boolean }) => {
      if ("invitationSent" in r && !r.invitationSent) message.warning(t("mailFailed"));
      else message.success(t(key));
      refresh();
    },
    onError: (e: unknown) => message.error(refused(e)),
  });
  const opsResend = useMutation(trpc.resellers.ops.resendInvitation.mutationOptions(done("resent")));
  const selfResend = useMutation(trpc.resellers.self.resendInvitation.mutationOptions(done("resent")));
  const opsDisable = useMutation(trpc.resellers.ops.disableStaff.mutationOptions(done("disabled")));
  const selfDisable = useMutation(trpc.resellers.self.disableStaff.mutationOptions(done("disabled")));
  const opsEnable = useMutation(trpc.resellers.ops.enableStaff.mutationOptions(done("enabled")));
  const selfEnable = useMutation(trpc.resellers.self.enableStaff.mutationOptions(done("enabled")));
  const [resend, disable, enable] = owner.kind === "ops" ? [opsResend, opsDisable, opsEnable] : [selfResend, selfDisable, selfEnable];

  return (
    <Card
      title={t("title")}
      extra={
        !readOnly && (
          <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t("add")}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={refused(error)} style={{ marginBottom: 12 }} />}
      <Table<StaffView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={staff}
        columns={[
          { title: t("name"), dataIndex: "name" },
          { title: t("email"), dataIndex: "email" },
          { title: t("status"), dataIndex: "status", render: (s: StaffView["status"]) => <Tag color={STATUS_COLOR[s]}>{t(`statuses.${s}`)}</Tag> },
          {
            title: t("lastLogin"),
            render: (_, s) => (s.lastLoginAt ? format.dateTime(s.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : s.invitationExpiresAt ? t("inviteUntil", { at: format.dateTime(s.invitationExpiresAt, { dateStyle: "medium" }) }) : "—"),
          },
          {
            title: t("actions"),
            render: (_, s) =>
              readOnly ? null : (
                <Space size="small">
                  {s.status === "invited" && (
                    <Button size="small" type="link" onClick={() => resend.mutate({ userId: s.id })}>
                      {t("resend")}
                    </Button>
                  )}
                  {s.status === "disabled" ? (
                    <Button size="small" type="link" onClick={() => enable.mutate({ userId: s.id })}>
                      {t("enable")}
                    </Button>
                  ) : (
                    <Button size="small" type="link" danger onClick={() => disable.mutate({ userId: s.id })}>
                      {t("disable")}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {adding && <AddStaffModal owner={owner} onClose={() => setAdding(false)} onAdded={refresh} />}
    </Card>
  );
}

function AddStaffModal({ owner, onClose, onAdded }: { owner: StaffOwner; onClose: () => void; onAdded: () => void }) {
  const t = useTranslations("resellersOps.staff");
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; email: string }>();
  const showErrors = useTrpcFormErrors(form);
  const [requestId] = useState(newRequestId);
  const options = {
    onSuccess: (r: { invitationSent: boolean }) => {
      if (r.invitationSent) message.success(t("invited"));
      else message.warning(t("mailFailed"));
      onAdded();
      onClose();
    },
    onError: (e: unknown) => {
      const rest = showErrors(e);
      if (rest) message.error(rest);
    },
  };
  const opsAdd = useMutation(trpc.resellers.ops.addStaff.mutationOptions(options));
  const selfAdd = useMutation(trpc.resellers.self.addStaff.mutationOptions(options));
  const pending = opsAdd.isPending || selfAdd.isPending;

  function submit(v: { name: string; email: string }) {
    const input = { name: v.name.trim(), email: v.email.trim(), idempotencyKey: requestId };
    if (owner.kind === "ops") opsAdd.mutate({ ...input, resellerId: owner.resellerId });
    else selfAdd.mutate(input);
  }

  return (
    <Modal open title={t("add")} okText={t("invite")} onOk={() => form.submit()} confirmLoading={pending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="name" label={t("name")} rules={[{ required: true, whitespace: true, message: t("nameRequired") }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="email" label={t("email")} rules={[{ required: true, whitespace: true, message: t("emailRequired") }, { type: "email", message: t("emailInvalid") }]}>
          <Input maxLength={254} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
