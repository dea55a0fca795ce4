"use client";

import type { ReactNode } from "react";
import { Button, Flex, Form, type FormInstance, Space } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useFieldErrors } from "@/app/_components/use-field-errors";

/** A filter's Form.Item props: fixed widths that wrap keep the bar readable from a laptop to a wide screen. */
export const filterItem = (width: number) => ({ style: { width, marginBottom: 0 } });

/** What a page gives its filter form: the refused search's field errors, and where the values go. */
export type FilterFormProps<V> = {
  fieldErrors: Record<string, string[]>;
  onApply: (values: V) => void;
};

/** The bar's own texts, in the page's words: the form's accessible name and its two buttons. */
export type FilterBarLabels = { form: string; search: string; reset: string };

/**
 * The filter bar above a list (delivery log, quarantine, operation log): the fields given as
 * children, then search and reset. A refused search's field errors show under their fields (see
 * useFieldErrors). The caller owns `form`, so a field may apply the filters on change.
 */
export function FilterBar<V>({
  labels,
  form,
  fieldOf,
  fieldErrors,
  initialValues,
  onApply,
  children,
}: FilterFormProps<Partial<V>> & {
  labels: FilterBarLabels;
  form: FormInstance<V>;
  fieldOf: Readonly<Record<string, keyof V & string>>;
  initialValues?: Partial<V>;
  children: ReactNode;
}) {
  useFieldErrors(form, fieldErrors, fieldOf);
  return (
    <Form<V> form={form} layout="vertical" onFinish={onApply} aria-label={labels.form} initialValues={initialValues}>
      <Flex wrap gap={16} align="flex-start">
        {children}
        {/* An empty label keeps the buttons level with the inputs, error messages or not. */}
        <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {labels.search}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                onApply({});
              }}
            >
              {labels.reset}
            </Button>
          </Space>
        </Form.Item>
      </Flex>
    </Form>
  );
}
