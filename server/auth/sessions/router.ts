import { router } from "@/server/trpc/init";

export const sessionsRouter = router({});
