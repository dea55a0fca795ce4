import { router } from "@/server/trpc/init";

export const totpRouter = router({});
