"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { InputNumber, Select, Space } from "antd";

const FACTOR = { MB: 1, GB: 1024 } as const;
type Unit = keyof typeof FACTOR;

/**
 * A size typed in MB or GB; the form value is always MB (the server's unit). Starts in GB when
 * the value is a whole number of gigabytes (263 GB rather than 269312 MB), else in MB; an
 * empty input starts in `defaultUnit`.
 */
export function SizeInput({
  defaultUnit = "MB",
  id,
  value,
  onChange,
  "aria-invalid": invalid,
}: {
  defaultUnit?: Unit;
  id?: string;
  value?: number | null;
  onChange?: (mb: number | null) => void;
  "aria-invalid"?: boolean;
}) {
  const t = useTranslations("plans.form");
  const [unit, setUnit] = useState<Unit>(() => (value ? (value % 1024 === 0 ? "GB" : "MB") : defaultUnit));
  const shown = value == null ? null : value / FACTOR[unit];
  return (
    <Space.Compact style={{ width: "100%" }}>
      <InputNumber<number>
        id={id}
        aria-invalid={invalid}
        value={shown}
        onChange={(n) => onChange?.(n == null ? null : n * FACTOR[unit])}
        style={{ width: "100%" }}
      />
      <Select<Unit>
        aria-label={t("unit")}
        value={unit}
        onChange={(next) => {
          // Keep the number the operator typed and reinterpret it in the new unit.
          setUnit(next);
          if (shown != null) onChange?.(shown * FACTOR[next]);
        }}
        options={[
          { value: "MB", label: "MB" },
          { value: "GB", label: "GB" },
        ]}
        style={{ width: 80 }}
      />
    </Space.Compact>
  );
}
