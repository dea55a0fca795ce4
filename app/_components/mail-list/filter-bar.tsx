"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button, Flex, Form, type FormInstance, Space } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useFieldErrors } from "@/app/_components/use-field-errors";
import type { MailListNamespace } from "./namespace";

/** A filter's Form.Item props: fixed widths that wrap keep the bar readable from a laptop to a wide screen. */
export const filterItem = (width: number) => ({ style: { width, marginBottom: 0 } });

/** What a page gives its filter form: the refused search's field errors, and where the values go. */
export type FilterFormProps<V> = {
  fieldErrors: Record<string, string[]>;
  onApply: (values: V) => void;
};

/**
 * The filter bar of a mail list (delivery log, quarantine): the fields given as children, then
 * search and reset, labelled from the page's namespace (`filters.label`, `.search`, `.reset`).
 * A refused search's field errors show under their fields (see useFieldErrors). The caller owns
 * `form`, so a field may apply the filters on change.
 */
export function FilterBar<V>({
  namespace,
  form,
  fieldOf,
  fieldErrors,
  initialValues,
  onApply,
  children,
}: FilterFormProps<Partial<V>> & {
  namespace: MailListNamespace;
  form: FormInstance<V>;
  fieldOf: Readonly<Record<string, keyof V & string>>;
  initialValues?: Partial<V>;
  children: ReactNode;
}) {
  const t = useTranslations(namespace);
  useFieldErrors(form, fieldErrors, fieldOf);
  return (
    <Form<V> form={form} layout="vertical" onFinish={onApply} aria-label={t("filters.label")} initialValues={initialValues}>
      <Flex wrap gap={16} align="flex-start">
        {children}
        {/* An empty label keeps the buttons level with the inputs, error messages or not. */}
        <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t("filters.search")}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onApply({});
              }}
            >
              {t("filters.reset")}
            </Button>
          </Space>
        </Form.Item>
      </Flex>
    </Form>
  );
}
