import { router } from "@/server/trpc/init";

export const passwordResetRouter = router({});
