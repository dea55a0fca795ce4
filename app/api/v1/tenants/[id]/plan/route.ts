import { routeOf } from "@/server/provisioning/http/endpoint";
import { changePlanEndpoint } from "@/server/provisioning/endpoints";

export const dynamic = "force-dynamic";

// ChangePackage: seats and/or plan.
export const POST = routeOf(changePlanEndpoint);
