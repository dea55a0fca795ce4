export { useDisplayFormat as useBillingFormat } from "@/app/_components/use-display-format";

/** Keeps a cell on one line (amounts, dates, references). */
export const nowrap = () => ({ style: { whiteSpace: "nowrap" as const } });
