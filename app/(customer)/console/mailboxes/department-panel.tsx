"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Button, Card, Dropdown, Flex, Tree, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { DepartmentNode } from "@/server/tenants/departments/department-rules";
import type { TListDepartmentsResponse } from "@/server/tenants/departments/list-departments";
import { DepartmentModal, type DepartmentAction } from "./department-modal";
import { departmentsById } from "./department-options";
import { useConfirmDelete, useErrorToast } from "./use-mailboxes-form";

export const ALL = "all";
export const UNASSIGNED = "none";

type TreeNode = { key: string; title: string; count: number; department?: DepartmentNode; children: TreeNode[] };
const toNodes = (tree: DepartmentNode[]): TreeNode[] =>
  tree.map((d) => ({ key: d.id, title: d.name, count: d.totalMailboxCount, department: d, children: toNodes(d.children) }));

/**
 * 组织架构: the department tree on the left of the page. Selecting a node filters the mailbox
 * table (a department shows its whole branch); each department's "…" menu creates a
 * sub-department, renames, moves or deletes it.
 */
export function DepartmentPanel({ data, selected, onSelect }: { data: TListDepartmentsResponse; selected: string; onSelect: (key: string) => void }) {
  const t = useTranslations("mailboxes.departments");
  const trpc = useTRPC();
  const confirm = useConfirmDelete();
  const toast = useErrorToast();
  const [action, setAction] = useState<DepartmentAction | null>(null);
  // Collapsed nodes rather than expanded ones: a department just created shows up expanded.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const remove = useMutation(trpc.tenants.departments.delete.mutationOptions({ onError: toast }));
  const byId = departmentsById(data.tree);
  const total = data.tree.reduce((sum, d) => sum + d.totalMailboxCount, 0) + data.unassigned;

  const confirmDelete = (d: DepartmentNode) =>
    confirm({
      title: t("deleteConfirm", { name: d.name }),
      run: () => remove.mutateAsync({ departmentId: d.id }),
      done: t("deleted", { name: d.name }),
      after: () => selected === d.id && onSelect(ALL),
    });

  const menu = (d: DepartmentNode) => ({
    items: [
      { key: "child", label: t("createChild") },
      { key: "rename", label: t("rename") },
      { key: "move", label: t("move") },
      { type: "divider" as const },
      { key: "delete", label: t("delete"), danger: true },
    ],
    onClick: ({ key, domEvent }: { key: string; domEvent: { stopPropagation: () => void } }) => {
      domEvent.stopPropagation();
      if (key === "child") setAction({ kind: "create", parent: d });
      else if (key === "rename") setAction({ kind: "rename", department: d });
      else if (key === "move") setAction({ kind: "move", department: d });
      else confirmDelete(d);
    },
  });

  const expandable = [ALL, ...byId.keys()];
  const treeData: TreeNode[] = [
    { key: ALL, title: t("all"), count: total, children: toNodes(data.tree) },
    { key: UNASSIGNED, title: t("unassigned"), count: data.unassigned, children: [] },
  ];

  return (
    <Card
      size="small"
      title={t("title")}
      extra={
        <Button size="small" type="link" onClick={() => setAction({ kind: "create", parent: byId.get(selected) ?? null })}>
          {t("create")}
        </Button>
      }
    >
      <Tree<TreeNode>
        blockNode
        expandedKeys={expandable.filter((k) => !collapsed.has(k))}
        onExpand={(keys) => setCollapsed(new Set(expandable.filter((k) => !keys.includes(k))))}
        aria-label={t("title")}
        selectedKeys={[selected]}
        treeData={treeData}
        onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
        titleRender={(node) => (
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text ellipsis>{node.title}</Typography.Text>
            <Flex align="center" gap={4}>
              <Typography.Text type="secondary">{node.count}</Typography.Text>
              {node.department && (
                <Dropdown menu={menu(node.department)} trigger={["click"]}>
                  <Button size="small" type="text" aria-label={t("actions", { name: node.title })} onClick={(e) => e.stopPropagation()}>
                    ⋯
                  </Button>
                </Dropdown>
              )}
            </Flex>
          </Flex>
        )}
      />
      {action && <DepartmentModal action={action} tree={data.tree} onClose={() => setAction(null)} />}
    </Card>
  );
}
