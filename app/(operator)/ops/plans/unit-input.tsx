"use client";

import { useState } from "react";
import { InputNumber, Select, Space } from "antd";

export type UnitInputProps<U extends string> = {
  /** Each unit's size in the form's unit (MB: { MB: 1, GB: 1024 }; seconds: { s: 1, min: 60 }), smallest first. */
  factors: Record<U, number>;
  labels: Record<U, string>;
  unitLabel: string;
  defaultUnit: U;
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  "aria-invalid"?: boolean;
};

/**
 * A number typed in one of several units; the form value is always in the base unit (the
 * server's). Starts in the largest unit the value is a whole number of (263 GB rather than
 * 269312 MB, 44 min rather than 2640 s); an empty input starts in `defaultUnit`.
 */
export function UnitInput<U extends string>({ factors, labels, unitLabel, defaultUnit, id, value, onChange, "aria-invalid": invalid }: UnitInputProps<U>) {
  const units = Object.keys(factors) as U[];
  const [unit, setUnit] = useState<U>(() => (value ? ([...units].reverse().find((u) => value % factors[u] === 0) ?? units[0]!) : defaultUnit));
  const shown = value == null ? null : value / factors[unit];
  return (
    <Space.Compact style={{ width: "100%" }}>
      <InputNumber<number> id={id} aria-invalid={invalid} value={shown} onChange={(n) => onChange?.(n == null ? null : n * factors[unit])} style={{ width: "100%" }} />
      <Select<U>
        aria-label={unitLabel}
        value={unit}
        onChange={(next) => {
          // Keep the number the operator typed and reinterpret it in the new unit.
          setUnit(next);
          if (shown != null) onChange?.(shown * factors[next]);
        }}
        options={units.map((u) => ({ value: u, label: labels[u] }))}
        style={{ width: 90 }}
      />
    </Space.Compact>
  );
}
