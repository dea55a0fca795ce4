import { router } from "@/server/trpc/init";
import { customerProcedure, operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { acknowledgeAlert } from "./acknowledge-alert";
import { ZAlertIdRequest, ZListAlertsRequest, ZMailboxIdRequest, ZSuspendSendingRequest } from "./abuse.types";
import { liftSendingSuspension } from "./lift-sending-suspension";
import { listAlerts } from "./list-alerts";
import { listSuspendedMailboxes } from "./list-suspended-mailboxes";
import { suspendSending } from "./suspend-sending";

// Abuse limits (issue 8 §8): operators see the alerts and suspend or lift a mailbox's sending;
// a tenant admin sees which of their own mailboxes cannot send (the tenant is the session's).
export const abuseRouter = router({
  alerts: operatorProcedure.input(ZListAlertsRequest).query(({ input }) => listAlerts(input)),
  acknowledge: operatorProcedure.input(ZAlertIdRequest).mutation(({ ctx, input }) => acknowledgeAlert(actorOf(ctx), input)),
  liftSuspension: operatorProcedure.input(ZMailboxIdRequest).mutation(({ ctx, input }) => liftSendingSuspension(actorOf(ctx), input)),
  suspendSending: operatorProcedure.input(ZSuspendSendingRequest).mutation(({ ctx, input }) => suspendSending(actorOf(ctx), input)),
  suspendedMailboxes: customerProcedure.query(({ ctx }) => listSuspendedMailboxes(ctx.tenantId)),
});
