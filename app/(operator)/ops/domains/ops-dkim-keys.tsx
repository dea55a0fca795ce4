"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Popconfirm } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { DkimKeyView } from "@/server/domains/domain-view";
import type { AllDomainsRow } from "@/server/domains/list-all-domains.types";
import { DkimKeyTags } from "@/app/(customer)/console/domains/[domainId]/dkim-rotation";
import { useDomainError } from "@/app/(customer)/console/domains/use-domain-error";

/**
 * A domain's DKIM keys, each with its status, and "Retire" on every active key. The signing key
 * is offered too: the server refuses it with the rule in its own words (wait for a newer key to
 * take over), which tells the operator more than a missing button; its refusal is shown as is,
 * as is "already retired" when another operator was quicker.
 */
export function OpsDkimKeys({ domain }: { domain: AllDomainsRow }) {
  const t = useTranslations("domains");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errorText = useDomainError();
  const retire = useMutation(trpc.domains.retireDkim.mutationOptions());
  const keys = domain.dkimKeys;
  if (keys.length === 0) return <span>—</span>;

  const onRetire = (key: DkimKeyView) =>
    retire
      .mutateAsync(
        { keyId: key.id },
        {
          onSuccess: () => {
            message.success(t("ops.retired", { selector: key.selector, domain: domain.unicodeName }));
            void queryClient.invalidateQueries({ queryKey: trpc.domains.all.pathKey() });
          },
          // The server says why it refused (still signing, not verified yet); shown as is.
          onError: (error) => message.error(`${t("ops.retireFailed", { selector: key.selector })}: ${errorText(error)}`, 8),
        },
      )
      .catch(() => undefined);

  return (
    <Flex vertical gap={4}>
      {keys.map((key) => (
        <Flex key={key.id} gap={8} align="center" wrap={false} data-testid={`ops-dkim-${key.selector}`}>
          <DkimKeyTags dkimKey={key} />
          {key.status === "active" && (
            <Popconfirm
              title={t(key.signing ? "ops.retireSigningConfirm" : "ops.retireConfirm", { selector: key.selector, domain: domain.unicodeName })}
              okButtonProps={{ danger: true }}
              onConfirm={() => onRetire(key)}
            >
              <Button type="link" danger size="small" style={{ padding: 0 }}>
                {t("ops.retire")}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
