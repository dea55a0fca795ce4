import { z } from "zod";
import { publicProcedure } from "@/server/trpc/procedures";
import { router } from "@/server/trpc/init";
import { getStatus } from "./get-status";

// The public status page's data: no session needed, and nothing tenant-specific in it.
export const statusRouter = router({
  // No input: anything sent is refused rather than silently ignored.
  get: publicProcedure.input(z.void()).query(() => getStatus()),
});
