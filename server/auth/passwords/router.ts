import { router } from "@/server/trpc/init";

export const passwordsRouter = router({});
