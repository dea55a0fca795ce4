import { z } from "zod";
import { ZDepartmentId } from "./create-department.types";

/** Moves a department (with its whole branch) under `parentId`, or to the root when null. */
export const ZMoveDepartmentRequest = z.object({ departmentId: ZDepartmentId, parentId: ZDepartmentId.nullable() });
export type TMoveDepartmentRequest = z.infer<typeof ZMoveDepartmentRequest>;
