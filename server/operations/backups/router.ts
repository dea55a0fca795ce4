import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { ZListBackupsRequest, ZStartBackupRequest } from "./backups.types";
import { listBackups } from "./list-backups";
import { startBackup } from "./start-backup";

// Operator procedures for backups (issue 12); thin: validate, authorise, call one use case.
// Restore is not here on purpose: it replaces the database the portal itself runs on, so it is a
// command-line operation (npm run restore), shown on the page.
export const backupsRouter = router({
  list: operatorProcedure.input(ZListBackupsRequest).query(({ input }) => listBackups(input)),
  start: operatorProcedure.input(ZStartBackupRequest).mutation(({ ctx, input }) => startBackup(actorOf(ctx), input)),
});
