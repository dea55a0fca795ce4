"use client";

import Link from "next/link";
import { useConsoleBase } from "@/app/_components/acting-tenant";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Flex, Skeleton, Typography } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { shownError } from "@/app/_components/audit/trpc-error";
import { AliasExplained, PrimaryAliases } from "./[domainId]/alias-domains";
import { DkimRotation } from "./[domainId]/dkim-rotation";
import { SandboxCard } from "./sandbox-card";
import { useDomainError } from "./use-domain-error";
import { WizardHeader } from "./wizard-header";
import { WizardSteps } from "./wizard-steps";
import { wizardSteps } from "./wizard-types";

/**
 * One domain's DNS wizard: its state, the records to publish step by step with the last check's
 * statuses, "check now", and in sandbox mode "publish to the sandbox". No polling: the statuses
 * change when the customer checks (or the background check ran and the page is reloaded).
 */
export function DomainWizard({ domainId }: { domainId: string }) {
  const t = useTranslations("domains");
  const base = useConsoleBase();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errorText = useDomainError();
  const records = useQuery({ ...trpc.domains.records.queryOptions({ domainId }), staleTime: 0, retry: false });
  // Returning the refetch keeps the button spinning until the new statuses are on the page.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.domains.pathKey() });
  const checkNow = useMutation(
    trpc.domains.checkNow.mutationOptions({
      onSuccess: () => refresh().then(() => void message.success({ key: "domain-check", content: t("wizard.checked") })),
      onError: (error) => void message.error({ key: "domain-check", content: `${t("wizard.checkFailed")}: ${errorText(error)}` }),
    }),
  );
  const publish = useMutation(
    trpc.domains.publishToSandbox.mutationOptions({
      onSuccess: () => void message.success(t("sandbox.published")),
      onError: (error) => void message.error(errorText(error)),
    }),
  );

  const back = (
    <Link href={`${base}/domains`}>
      <ArrowLeftOutlined /> {t("wizard.back")}
    </Link>
  );
  const data = records.data;
  if (records.error) {
    const notFound = shownError(records.error)?.code === "NOT_FOUND";
    return (
      <Flex vertical gap={16}>
        {back}
        <Alert type="error" showIcon title={notFound ? t("wizard.notFound") : t("loadFailed")} description={notFound ? undefined : errorText(records.error)} />
      </Flex>
    );
  }
  if (!data) return <Skeleton active />;

  const last = data.lastCheck;
  const { name, unicodeName } = data.domain;
  const displayName = unicodeName === name ? name : `${unicodeName} (${name})`;
  const steps = wizardSteps(data.groups, last?.records ?? null);
  return (
    <Flex vertical gap={16}>
      {back}
      <WizardHeader
        domain={data.domain}
        steps={last?.steps ?? null}
        checkedAt={last ? new Date(last.checkedAt) : null}
        checking={checkNow.isPending}
        onCheck={() => checkNow.mutate({ domainId })}
      />
      {data.domain.aliasOf && <AliasExplained domain={data.domain} primary={data.domain.aliasOf} />}
      {data.sandbox && <SandboxCard publishing={publish.isPending} onPublish={() => publish.mutate({ domainId })} />}
      <Typography.Text type="secondary">{t("wizard.intro", { domain: displayName })}</Typography.Text>
      <WizardSteps steps={steps} dkimKeys={data.domain.dkimKeys} />
      <DkimRotation domainId={domainId} />
      {!data.domain.aliasOf && <PrimaryAliases domain={data.domain} />}
    </Flex>
  );
}
