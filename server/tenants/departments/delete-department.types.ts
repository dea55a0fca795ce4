import { z } from "zod";
import { ZDepartmentId } from "./create-department.types";

export const ZDepartmentIdRequest = z.object({ departmentId: ZDepartmentId });
export type TDepartmentIdRequest = z.infer<typeof ZDepartmentIdRequest>;
