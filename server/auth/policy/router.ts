import { router } from "@/server/trpc/init";

export const securityPolicyRouter = router({});
