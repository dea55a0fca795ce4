import { router } from "@/server/trpc/init";
import { backupsRouter } from "./backups/router";
import { monitoringRouter } from "./monitoring/router";

export const operationsRouter = router({ backups: backupsRouter, monitoring: monitoringRouter });
