import { router } from "@/server/trpc/init";

export const loginLogRouter = router({});
