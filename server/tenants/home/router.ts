import { router } from "@/server/trpc/init";
import { customerProcedure } from "@/server/trpc/procedures";
import { getConsoleHome } from "./get-console-home";

// The console's home page (server-rendered; this serves clients that refresh it).
export const consoleHomeRouter = router({
  get: customerProcedure.query(({ ctx }) => getConsoleHome(ctx.tenantId, ctx.user.id)),
});
