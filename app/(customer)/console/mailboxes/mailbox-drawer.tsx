"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Divider, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Space, TreeSelect } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import type { DomainView } from "@/server/domains/domain-view";
import type { DepartmentNode } from "@/server/tenants/departments/department-rules";
import type { MailboxView } from "@/server/tenants/mailboxes/mailbox-view";
import { AliasesSection } from "./aliases-section";
import { departmentOptions } from "./department-options";
import { PasswordField } from "./password-field";
import { useMailboxesForm } from "./use-mailboxes-form";

type Values = {
  localPart: string;
  domainId: string;
  displayName: string;
  departmentId?: string | null;
  quotaMb?: number;
  status: "active" | "disabled";
  password: string;
  mobile?: string;
};

type Props = {
  /** The mailbox to edit; absent: a new one. */
  mailbox?: MailboxView;
  domains: DomainView[];
  tree: DepartmentNode[];
  /** The plan's quota per mailbox (the default and the maximum). */
  maxQuotaMb: number;
  /** The department selected in the tree, preset for a new mailbox. */
  departmentId?: string | null;
  onClose: () => void;
};

/**
 * 新建邮箱 / 编辑: address (part before @ and one of the tenant's domains; fixed once created),
 * name, department, quota, password (new only) and mobile. Server refusals appear under their
 * fields; the rest (e.g. "all paid seats are in use") in an alert at the top. Editing shows the aliases.
 */
export function MailboxDrawer({ mailbox, domains, tree, maxQuotaMb, departmentId, onClose }: Props) {
  const t = useTranslations("mailboxes.form");
  const tStatus = useTranslations("mailboxes.status");
  const trpc = useTRPC();
  const { form, message, refresh, placeErrors } = useMailboxesForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  // One id per opened drawer: pressing "create" again after a lost answer cannot make a second mailbox.
  const [createKey] = useState(newRequestId);
  const done = (view: MailboxView, key: "created" | "saved") => {
    message.success(t(key, { address: view.address }));
    refresh();
    onClose();
  };
  const onError = (error: unknown) => setFormError(placeErrors(error));
  const create = useMutation(trpc.tenants.mailboxes.create.mutationOptions({ onSuccess: (v) => done(v, "created"), onError }));
  const update = useMutation(trpc.tenants.mailboxes.update.mutationOptions({ onSuccess: (v) => done(v, "saved"), onError }));

  const submit = (v: Values) => {
    setFormError(null);
    const common = { displayName: v.displayName, departmentId: v.departmentId ?? null, quotaMb: v.quotaMb, mobile: v.mobile ?? null };
    if (mailbox) update.mutate({ mailboxId: mailbox.id, ...common });
    else create.mutate({ ...common, domainId: v.domainId, localPart: v.localPart, status: v.status, password: v.password, idempotencyKey: createKey });
  };
  const title = mailbox ? t("editTitle", { address: mailbox.address }) : t("createTitle");
  const initialValues: Partial<Values> = mailbox
    ? { displayName: mailbox.displayName, departmentId: mailbox.departmentId, quotaMb: mailbox.quotaMb, mobile: mailbox.mobile ?? "" }
    : { domainId: domains[0]?.id, departmentId: departmentId ?? null, quotaMb: maxQuotaMb, status: "active" };
  const required = [{ required: true, whitespace: true, message: t("required") }];

  return (
    <Drawer
      open
      onClose={onClose}
      size={600}
      title={title}
      footer={
        // The refusal that belongs to no field (e.g. no free seat) sits by the buttons, where the
        // admin is looking after pressing them, however far the form is scrolled.
        <Flex vertical gap={8}>
          {formError && <Alert type="error" showIcon title={formError} />}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t("cancel")}</Button>
            <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
              {mailbox ? t("save") : t("create")}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {!mailbox && domains.length === 0 && <Alert type="warning" showIcon title={t("noDomain")} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" name="mailbox" aria-label={title} initialValues={initialValues} onFinish={submit} onValuesChange={() => setFormError(null)}>
        {!mailbox && (
          <Form.Item label={t("address")} required>
            <Space.Compact style={{ width: "100%" }}>
              <Form.Item name="localPart" noStyle rules={required}>
                <Input aria-label={t("localPart")} placeholder={t("localPartPlaceholder")} autoComplete="off" style={{ flex: 1 }} />
              </Form.Item>
              <Form.Item name="domainId" noStyle rules={[{ required: true, message: t("required") }]}>
                <Select aria-label={t("domain")} prefix="@" style={{ width: 260 }} options={domains.map((d) => ({ value: d.id, label: d.unicodeName }))} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t("displayName")} rules={required}>
          <Input placeholder={t("displayNamePlaceholder")} maxLength={80} autoComplete="off" />
        </Form.Item>
        <Form.Item name="departmentId" label={t("department")}>
          <TreeSelect allowClear placeholder={t("noDepartment")} treeData={departmentOptions(tree)} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="quotaMb" label={t("quota")} extra={t("quotaHelp", { max: maxQuotaMb })}>
          <InputNumber min={1} precision={0} suffix="MB" style={{ width: 200 }} />
        </Form.Item>
        {!mailbox && (
          <>
            <Form.Item name="status" label={t("status")}>
              <Radio.Group options={(["active", "disabled"] as const).map((s) => ({ value: s, label: tStatus(s) }))} />
            </Form.Item>
            <PasswordField form={form} />
          </>
        )}
        <Form.Item name="mobile" label={t("mobile")}>
          <Input placeholder={t("mobilePlaceholder")} maxLength={40} autoComplete="off" />
        </Form.Item>
      </Form>
      {mailbox && (
        <>
          <Divider />
          <AliasesSection mailbox={mailbox} domains={domains} />
        </>
      )}
    </Drawer>
  );
}
