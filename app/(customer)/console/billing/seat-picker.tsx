"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button, Flex, InputNumber, type FormInstance, type FormItemProps } from "antd";
import { checkSeats, MAX_SEATS, MIN_SEATS, nextAllowedSeats, previousAllowedSeats } from "@/server/billing/rules/seat-tiers";

export type SeatProblem = { text: string; below: number | null; above: number | null };

/**
 * The seat-tier rule (server/billing/rules/seat-tiers.ts) in the reader's language: the same
 * refusal and the same nearest counts the server answers with, before anything is sent.
 */
export function useSeatProblem(): (seats: number | null | undefined) => SeatProblem | null {
  const t = useTranslations("billing.seats");
  const format = useFormatter();
  return (seats) => {
    if (seats === null || seats === undefined) return null;
    const check = checkSeats(seats);
    if (check.ok) return null;
    const { below, above } = check;
    if (!Number.isFinite(seats)) return { text: t("notNumber"), below, above };
    if (seats < MIN_SEATS) return { text: t("min", { min: MIN_SEATS }), below, above };
    if (seats > MAX_SEATS) return { text: t("max", { max: MAX_SEATS }), below, above };
    const offers = [below, above].filter((n): n is number => n !== null).map((n) => format.number(n));
    const options = offers.length === 2 ? t("or", { a: offers[0]!, b: offers[1]! }) : (offers[0] ?? "");
    const floor = Math.floor(seats);
    const rule = t(floor < 100 ? "tierSmall" : floor <= 1_050 ? "tierMid" : "tierLarge");
    return { text: t(Number.isInteger(seats) ? "offTier" : "fraction", { seats, rule, options }), below, above };
  };
}

/**
 * A seat count input whose arrows (buttons, keyboard, wheel) step through the counts we sell
 * only: 95 → 100 → 110 … 1,050 → 1,100. Typing any number stays possible; the rule then says
 * what is wrong with it (see SeatProblemHint).
 */
export function SeatPicker({
  id,
  value,
  onChange,
  disabled,
}: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  disabled?: boolean;
}) {
  return (
    <InputNumber<number>
      id={id}
      value={value ?? null}
      disabled={disabled}
      style={{ width: 200 }}
      onChange={(v) => onChange?.(v)}
      // The control has already applied a step of `offset`; undo it and step by tier instead.
      onStep={(stepped, { offset, type }) => {
        const before = Number(stepped) + (type === "up" ? -Number(offset) : Number(offset));
        const next = type === "up" ? nextAllowedSeats(before) : previousAllowedSeats(before);
        onChange?.(next ?? (type === "up" ? MAX_SEATS : MIN_SEATS));
      }}
    />
  );
}

/** One button per nearest count we sell, under the rule's refusal: "100" / "110". */
function SeatChoices({ problem, onPick }: { problem: SeatProblem; onPick: (seats: number) => void }) {
  const format = useFormatter();
  return (
    <Flex gap={8} style={{ paddingBlock: 4 }}>
      {[problem.below, problem.above]
        .filter((n): n is number => n !== null)
        .map((n) => (
          <Button key={n} size="small" onClick={() => onPick(n)}>
            {format.number(n)}
          </Button>
        ))}
    </Flex>
  );
}

/**
 * The Form.Item props of a seats field named "seats": the tier rule as its validator (its message
 * shows as the field's error while typing) and, under it, buttons for the nearest counts we sell.
 */
export function useSeatsField(form: FormInstance, seats: number | null | undefined, help?: string) {
  const t = useTranslations("billing.seats");
  const seatProblem = useSeatProblem();
  const problem = seatProblem(seats);
  const pick = (n: number) => {
    form.setFieldValue("seats", n);
    void form.validateFields(["seats"]);
  };
  const rules: FormItemProps["rules"] = [
    { required: true, message: t("notNumber") },
    { validator: (_, value: number | null) => (seatProblem(value) ? Promise.reject(new Error(seatProblem(value)!.text)) : Promise.resolve()) },
  ];
  // While an item shows an error antd gives the error its bottom margin; the buttons and the help
  // below it then touch the next field, so they take that space back themselves.
  const extra = problem || help ? (
    <Flex vertical style={problem ? { paddingBottom: 16 } : undefined}>
      {problem && <SeatChoices problem={problem} onPick={pick} />}
      {help}
    </Flex>
  ) : undefined;
  return { problem, itemProps: { name: "seats", rules, extra } };
}
