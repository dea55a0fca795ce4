export { useDisplayFormat as usePlanFormat } from "@/app/_components/use-display-format";
