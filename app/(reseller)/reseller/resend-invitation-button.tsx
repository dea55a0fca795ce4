"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button } from "antd";
import type { ButtonProps } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { refusalText } from "@/app/_components/audit/trpc-error";
import { useDisplayFormat } from "@/app/_components/use-display-format";

/**
 * "Resend invitation" for a client's administrator who has not set a password yet: a new link
 * (earlier ones stop working) e-mailed again. A mail that could not leave is a warning, not an
 * error: the link exists and can be sent again.
 */
export function ResendInvitationButton({ tenantId, ...button }: { tenantId: string } & Pick<ButtonProps, "type" | "size">) {
  const t = useTranslations("resellerClients");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { dateTime } = useDisplayFormat();
  const resend = useMutation(
    trpc.resellers.clients.resendInvitation.mutationOptions({
      onSuccess: (r) => {
        if (r.sent) message.success(t("resend.done", { email: r.email, expiresAt: dateTime(r.expiresAt) }));
        else message.warning(t("resend.notSent", { email: r.email }));
        void queryClient.invalidateQueries({ queryKey: trpc.resellers.clients.pathKey() });
      },
      onError: (error) => message.error(t("resend.failed", { reason: refusalText(t)(error) })),
    }),
  );
  return (
    <Button {...button} loading={resend.isPending} onClick={() => resend.mutate({ tenantId })}>
      {t("resend.button")}
    </Button>
  );
}
