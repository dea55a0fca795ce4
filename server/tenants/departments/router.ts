import { router } from "@/server/trpc/init";
import { customerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { createDepartment } from "./create-department";
import { ZCreateDepartmentRequest } from "./create-department.types";
import { deleteDepartment } from "./delete-department";
import { ZDepartmentIdRequest } from "./delete-department.types";
import { listDepartments } from "./list-departments";
import { moveDepartment } from "./move-department";
import { ZMoveDepartmentRequest } from "./move-department.types";
import { renameDepartment } from "./rename-department";
import { ZRenameDepartmentRequest } from "./rename-department.types";

// A tenant admin's department tree. Every id is looked up within ctx.tenantId, so another
// tenant's department is NOT_FOUND.
export const departmentsRouter = router({
  list: customerProcedure.query(({ ctx }) => listDepartments(ctx.tenantId)),
  create: customerProcedure.input(ZCreateDepartmentRequest).mutation(({ ctx, input }) => createDepartment(actorOf(ctx), ctx.tenantId, input)),
  rename: customerProcedure.input(ZRenameDepartmentRequest).mutation(({ ctx, input }) => renameDepartment(actorOf(ctx), ctx.tenantId, input)),
  move: customerProcedure.input(ZMoveDepartmentRequest).mutation(({ ctx, input }) => moveDepartment(actorOf(ctx), ctx.tenantId, input)),
  delete: customerProcedure.input(ZDepartmentIdRequest).mutation(({ ctx, input }) => deleteDepartment(actorOf(ctx), ctx.tenantId, input)),
});
