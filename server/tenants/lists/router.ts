import { router } from "@/server/trpc/init";

// Filled in by the [Console] issue.
export const listsRouter = router({});
