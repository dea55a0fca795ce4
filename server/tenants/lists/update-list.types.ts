import { z } from "zod";
import { ZId, ZListSettings } from "./create-list.types";

/** 修改邮件列表: the address stays (delete and re-create to change it); the rest is replaced. */
export const ZUpdateListRequest = ZListSettings.extend({ listId: ZId });
export type TUpdateListRequest = z.infer<typeof ZUpdateListRequest>;
