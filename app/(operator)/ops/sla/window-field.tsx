"use client";

import { DatePicker, Form } from "antd";
import type { Dayjs } from "dayjs";

/** The form value of a window: its start, and its end (null while an incident lasts). */
export type WindowValue = [Dayjs | null, Dayjs | null];

/** Server refusals about either end land on the one picker. */
export const WINDOW_FIELDS = { startsAt: "window", endsAt: "window" } as const;

/**
 * Start and end as one date-time range picker, read on Beijing time whatever the browser's zone
 * (the label says so; see platform-time.ts). `openEnd`: the end may stay empty (an incident still
 * going on).
 */
export function WindowField({ label, extra, required, openEnd = false }: { label: string; extra: string; required: string; openEnd?: boolean }) {
  return (
    <Form.Item
      name="window"
      label={label}
      required
      extra={extra}
      rules={[
        {
          validator: async (_, value: WindowValue | null | undefined) => {
            if (!value?.[0] || (!openEnd && !value[1])) throw new Error(required);
          },
        },
      ]}
    >
      <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" allowEmpty={[false, openEnd]} style={{ width: "100%" }} />
    </Form.Item>
  );
}
