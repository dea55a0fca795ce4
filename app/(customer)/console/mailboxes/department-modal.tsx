"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Alert, Form, Input, Modal, TreeSelect } from "antd";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { DepartmentNode } from "@/server/tenants/departments/department-rules";
import { departmentOptions } from "./department-options";
import { useMailboxesForm } from "./use-mailboxes-form";

/** What the modal does: create under a department (or at the top), rename one, or move one. */
export type DepartmentAction = { kind: "create"; parent: DepartmentNode | null } | { kind: "rename"; department: DepartmentNode } | { kind: "move"; department: DepartmentNode };

type Values = { name?: string; parentId?: string };
const ROOT = "__root__";

/** One modal for 新建部门 / 重命名 / 移动: a name, or a new parent picked from the tree (its own branch disabled). */
export function DepartmentModal({ action, tree, onClose }: { action: DepartmentAction; tree: DepartmentNode[]; onClose: () => void }) {
  const t = useTranslations("mailboxes.departments");
  const trpc = useTRPC();
  const { form, message, refresh, placeErrors } = useMailboxesForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const done = (text: string) => {
    message.success(text);
    refresh();
    onClose();
  };
  const onError = (error: unknown) => setFormError(placeErrors(error));
  const create = useMutation(trpc.tenants.departments.create.mutationOptions({ onSuccess: (d) => done(t("created", { name: d.name })), onError }));
  const rename = useMutation(trpc.tenants.departments.rename.mutationOptions({ onSuccess: (d) => done(t("renamed", { name: d.name })), onError }));
  const move = useMutation(trpc.tenants.departments.move.mutationOptions({ onSuccess: (d) => done(t("moved", { name: d.name })), onError }));

  const title =
    action.kind === "create"
      ? action.parent
        ? t("createUnder", { name: action.parent.name })
        : t("createTitle")
      : t(action.kind === "rename" ? "renameTitle" : "moveTitle", { name: action.department.name });

  const submit = (values: Values) => {
    setFormError(null);
    if (action.kind === "create") create.mutate({ name: values.name ?? "", parentId: action.parent?.id ?? null });
    else if (action.kind === "rename") rename.mutate({ departmentId: action.department.id, name: values.name ?? "" });
    else move.mutate({ departmentId: action.department.id, parentId: values.parentId === ROOT ? null : (values.parentId ?? null) });
  };

  const moveOptions = action.kind === "move" ? [{ value: ROOT, key: ROOT, title: t("root"), children: [] }, ...departmentOptions(tree, action.department.id)] : [];
  return (
    <Modal
      open
      title={title}
      okText={t("ok")}
      cancelText={t("cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || rename.isPending || move.isPending}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="department"
        aria-label={title}
        onFinish={submit}
        initialValues={{ name: action.kind === "rename" ? action.department.name : "", parentId: action.kind === "move" ? (action.department.parentId ?? ROOT) : undefined }}
      >
        {action.kind === "move" ? (
          <Form.Item name="parentId" label={t("moveTarget")} rules={[{ required: true, message: t("moveTarget") }]}>
            <TreeSelect treeData={moveOptions} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
        ) : (
          <Form.Item name="name" label={t("name")} rules={[{ required: true, whitespace: true, message: t("required") }]}>
            <Input placeholder={t("namePlaceholder")} maxLength={80} autoFocus autoComplete="off" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
