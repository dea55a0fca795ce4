import { z } from "zod";

export const ZDepartmentId = z.string({ message: "Choose a department" }).trim().min(1, "Choose a department").max(191, "Not a department id");
export const ZDepartmentName = z.string({ message: "Enter a department name" }).trim().min(1, "Enter a department name").max(80, "At most 80 characters");

/** A new department under `parentId`, or at the root when it is null or absent. */
export const ZCreateDepartmentRequest = z.object({ name: ZDepartmentName, parentId: ZDepartmentId.nullish() });
export type TCreateDepartmentRequest = z.infer<typeof ZCreateDepartmentRequest>;

export type TDepartmentView = { id: string; name: string; parentId: string | null };
