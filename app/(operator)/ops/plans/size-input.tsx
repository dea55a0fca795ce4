"use client";

import { useTranslations } from "next-intl";
import { UnitInput, type UnitInputProps } from "./unit-input";

const FACTOR = { MB: 1, GB: 1024 } as const;
type Unit = keyof typeof FACTOR;

/** A size typed in MB or GB; the form value is always MB (the server's unit). */
export function SizeInput({ defaultUnit = "MB", ...field }: { defaultUnit?: Unit } & Pick<UnitInputProps<Unit>, "id" | "value" | "onChange" | "aria-invalid">) {
  const t = useTranslations("plans.form");
  return <UnitInput factors={FACTOR} labels={{ MB: "MB", GB: "GB" }} unitLabel={t("unit")} defaultUnit={defaultUnit} {...field} />;
}
