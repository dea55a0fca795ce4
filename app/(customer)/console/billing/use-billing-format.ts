export { useDisplayFormat as useBillingFormat, type DisplayFormat as BillingFormat } from "@/app/_components/use-display-format";
