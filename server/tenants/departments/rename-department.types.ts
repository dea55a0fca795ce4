import { z } from "zod";
import { ZDepartmentId, ZDepartmentName } from "./create-department.types";

export const ZRenameDepartmentRequest = z.object({ departmentId: ZDepartmentId, name: ZDepartmentName });
export type TRenameDepartmentRequest = z.infer<typeof ZRenameDepartmentRequest>;
