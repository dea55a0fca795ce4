"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";
import type { ReleaseOutcome } from "@/server/mail/quarantine/release-quarantined-message";

/** Whose quarantine a page shows: the tenant's (admin) or the signed-in mailbox's own (mine). */
export type QuarantineScopeName = "admin" | "mine";

/**
 * Release ("not spam" for a mailbox user) and delete, with their toasts: the release says where
 * the message went and whether the spam filter could learn from it. Both refresh every list.
 */
export function useQuarantineActions(scope: QuarantineScopeName, after?: () => void) {
  const t = useTranslations("quarantine");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const refusal = refusalText(t);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.quarantine.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.mailLog.pathKey() });
    after?.();
  };
  const onReleased = (out: ReleaseOutcome, mailbox: string) => {
    if (!out.released) message.info(t("alreadyReleased"));
    else {
      message.success(t("released", { mailbox }));
      if (out.teach?.taught === false) message.warning(t("notTaught", { detail: out.teach.detail }));
    }
    refresh();
  };
  const onError = (error: unknown) => {
    message.error(refusal(error));
    refresh();
  };
  const releaseAdmin = useMutation(trpc.quarantine.release.mutationOptions({ onError }));
  const releaseMine = useMutation(trpc.quarantine.notSpam.mutationOptions({ onError }));
  const deleteAdmin = useMutation(trpc.quarantine.delete.mutationOptions({ onError }));
  const deleteMine = useMutation(trpc.quarantine.deleteMine.mutationOptions({ onError }));
  const release = scope === "admin" ? releaseAdmin : releaseMine;
  const remove = scope === "admin" ? deleteAdmin : deleteMine;
  return {
    release: (id: string, mailbox: string) => release.mutate({ id }, { onSuccess: (out) => onReleased(out, mailbox) }),
    remove: (id: string) =>
      remove.mutate(
        { id },
        {
          onSuccess: () => {
            message.success(t("deleted"));
            refresh();
          },
        },
      ),
    pending: release.isPending || remove.isPending,
  };
}
