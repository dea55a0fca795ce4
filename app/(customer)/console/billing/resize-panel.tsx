"use client";

import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, Select, Spin, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { BillingOverview } from "@/server/billing/account/get-billing-overview";
import type { CatalogueRow } from "@/server/billing/plans/list-catalogue";
import { ResizePreview } from "./resize-preview";
import { ScheduledChange } from "./scheduled-change";
import { SeatPicker, useSeatsField } from "./seat-picker";
import { useBillingFormat } from "./use-billing-format";
import { useDebounced } from "./use-debounced";
import { useSubmissionKey } from "./use-submission-key";

type Sub = NonNullable<BillingOverview["subscription"]>;
type ResizeValues = { planId: string; seats: number | null };

/** Plan and seat count to change to, with the server's live preview and "Schedule change". */
function ResizeForm({ sub, plans, currency }: { sub: Sub; plans: readonly CatalogueRow[]; currency: string }) {
  const t = useTranslations("billing");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { money, day } = useBillingFormat();
  const submission = useSubmissionKey();
  const [form] = Form.useForm<ResizeValues>();
  const values = Form.useWatch([], form) as ResizeValues | undefined;
  const planId = values?.planId ?? sub.plan.id;
  const seats = values?.seats ?? null;
  const seatsField = useSeatsField(form, seats);
  const problem = seatsField.problem;
  const unchanged = planId === sub.plan.id && seats === sub.seats;
  const asked = useDebounced({ planId, seats: seats ?? 0 });
  const settled = asked.planId === planId && asked.seats === seats;
  const preview = useQuery({
    ...trpc.billing.account.previewResize.queryOptions(asked),
    enabled: settled && !problem && !unchanged && seats !== null,
    retry: false,
    staleTime: 0,
  });
  const previewError = shownError(preview.error);
  const schedule = useMutation(
    trpc.billing.account.scheduleResize.mutationOptions({
      onSuccess: (r) => {
        submission.done();
        message.success(t("resize.scheduled", { date: day(`${r.effectiveMonth}-01`) }));
        void queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
      },
    }),
  );
  const scheduleError = shownError(schedule.error);
  // The current plan stays choosable even when it is no longer on sale (same plan, other seats).
  const options = [...plans.filter((p) => p.id !== sub.plan.id), sub.plan].map((p) => ({
    value: p.id,
    label: `${p.name} · ${money(p.pricePerSeatYear, currency)}`,
  }));

  function submit(v: ResizeValues) {
    const input = { planId: v.planId, seats: v.seats ?? 0 };
    schedule.mutate({ ...input, idempotencyKey: submission.keyFor(input) });
  }

  const shown = !problem && !unchanged && settled ? preview.data : undefined;
  return (
    <Form<ResizeValues> form={form} layout="vertical" onFinish={submit} initialValues={{ planId: sub.plan.id, seats: sub.seats }} aria-label={t("resize.title")}>
      <Flex gap={16} wrap>
        <Form.Item name="planId" label={t("resize.plan")} style={{ minWidth: 240, flex: "1 1 240px" }}>
          <Select options={options} />
        </Form.Item>
        <Form.Item label={t("resize.seats")} {...seatsField.itemProps}>
          <SeatPicker />
        </Form.Item>
      </Flex>
      <Flex vertical gap={12}>
        {unchanged && <Typography.Text type="secondary">{t("resize.samePlanAndSeats")}</Typography.Text>}
        {!unchanged && !problem && !shown && !previewError && (
          <Flex gap={8} align="center">
            <Spin size="small" />
            <Typography.Text type="secondary">{t("resize.previewing")}</Typography.Text>
          </Flex>
        )}
        {previewError && settled && <Alert type="warning" showIcon title={t("resize.refused")} description={readableMessage(previewError, t)} />}
        {shown && <ResizePreview preview={shown} currency={currency} />}
        {scheduleError && <Alert type="error" showIcon title={t("resize.failed")} description={readableMessage(scheduleError, t)} />}
        <div>
          <Button type="primary" htmlType="submit" loading={schedule.isPending} disabled={!shown}>
            {t("resize.schedule")}
          </Button>
        </div>
      </Flex>
    </Form>
  );
}

/** "Change seats or plan": the scheduled change if there is one, else the form to make one. */
export function ResizePanel({ overview, plans }: { overview: BillingOverview; plans: readonly CatalogueRow[] }) {
  const t = useTranslations("billing.resize");
  const sub = overview.subscription!;
  const scheduled = overview.scheduledChange;
  return (
    <Card title={t("title")} style={{ height: "100%" }}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t("intro")}</Typography.Text>
        {scheduled ? (
          <>
            <ScheduledChange change={scheduled} currency={overview.currency} />
            <Typography.Text type="secondary">{t("oneAtATime")}</Typography.Text>
          </>
        ) : sub.billingStartMonth ? (
          <ResizeForm sub={sub} plans={plans} currency={overview.currency} />
        ) : (
          <Typography.Text type="secondary">{t("notStarted")}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
