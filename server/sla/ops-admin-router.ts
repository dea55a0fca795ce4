import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { ZListIncidentsRequest, ZRecordIncidentRequest, ZUpdateIncidentRequest } from "./incidents/incident.types";
import { listIncidents } from "./incidents/list-incidents";
import { recordIncident } from "./incidents/record-incident";
import { updateIncident } from "./incidents/update-incident";
import { cancelMaintenance } from "./maintenance/cancel-maintenance";
import { listMaintenance } from "./maintenance/list-maintenance";
import { ZCancelMaintenanceRequest, ZListMaintenanceRequest, ZScheduleMaintenanceRequest } from "./maintenance/maintenance.types";
import { scheduleMaintenance } from "./maintenance/schedule-maintenance";
import { getSlaTargets } from "./targets/get-sla-targets";
import { ZGetSlaTargetsRequest, ZUpdateSlaTargetsRequest } from "./targets/sla-target.types";
import { updateSlaTargets } from "./targets/update-sla-targets";

// Operators' SLA settings: the maintenance calendar (each window announced), the incidents they
// record and classify, and each plan's promises. Operators only: these decide what the SLA counts.
export const slaAdminRouter = router({
  scheduleMaintenance: operatorProcedure.input(ZScheduleMaintenanceRequest).mutation(({ ctx, input }) => scheduleMaintenance(actorOf(ctx), input)),
  cancelMaintenance: operatorProcedure.input(ZCancelMaintenanceRequest).mutation(({ ctx, input }) => cancelMaintenance(actorOf(ctx), input)),
  maintenance: operatorProcedure.input(ZListMaintenanceRequest).query(({ input }) => listMaintenance(input)),
  recordIncident: operatorProcedure.input(ZRecordIncidentRequest).mutation(({ ctx, input }) => recordIncident(actorOf(ctx), input)),
  updateIncident: operatorProcedure.input(ZUpdateIncidentRequest).mutation(({ ctx, input }) => updateIncident(actorOf(ctx), input)),
  incidents: operatorProcedure.input(ZListIncidentsRequest).query(({ input }) => listIncidents(input)),
  targets: operatorProcedure.input(ZGetSlaTargetsRequest).query(({ input }) => getSlaTargets(input.planId)),
  updateTargets: operatorProcedure.input(ZUpdateSlaTargetsRequest).mutation(({ ctx, input }) => updateSlaTargets(actorOf(ctx), input)),
});
