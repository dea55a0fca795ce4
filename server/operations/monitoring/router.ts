import { z } from "zod";
import { operatorProcedure } from "@/server/trpc/procedures";
import { router } from "@/server/trpc/init";
import { getMonitoringSnapshot } from "./get-monitoring-snapshot";

// Operator procedures for monitoring (issue 12); thin: validate, authorise, call one use case.
export const monitoringRouter = router({
  // The dashboard's whole picture in one call (the page polls it every 15 s); no input.
  snapshot: operatorProcedure.input(z.void()).query(() => getMonitoringSnapshot()),
});
