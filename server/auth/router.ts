import { z } from "zod";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { ZLocale } from "@/server/shared/locale";
import { setLocale } from "./set-locale";
import { actorOf } from "@/server/trpc/context";

export const meRouter = router({
  get: authedProcedure.query(({ ctx }) => ctx.user),
  setLocale: authedProcedure
    .input(z.object({ locale: ZLocale }))
    .mutation(({ ctx, input }) => setLocale(actorOf(ctx), input.locale)),
});
