"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, DatePicker, Form } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import type { StartOutcome } from "@/server/billing/run/billing-run.types";
import { useBillingForm } from "./use-billing-form";

type Values = { month: Dayjs };

const OUTCOME_MESSAGE = { created: "started", resumed: "resumed", running: "alreadyRunning", finished: "alreadyFinished" } as const satisfies Record<StartOutcome, string>;

/**
 * Starts (or resumes) the billing run of a month. Until the server answers, clicks for the same
 * month carry the same request id, so a double click or a retry starts one run. The server decides what is
 * allowed (past months, and at most one month ahead) and says why next to the field.
 */
export function RunMonthForm({ onStarted }: { onStarted: (runId: string) => void }) {
  const t = useTranslations("opsBilling.runs");
  const queryClient = useQueryClient();
  const { trpc, form, message, onError } = useBillingForm<Values>();
  const [request, setRequest] = useState({ month: "", id: "" });

  const start = useMutation(
    trpc.billing.runs.start.mutationOptions({
      onSuccess: ({ run, outcome }) => {
        // The answer came: the next click is a new request (a run still going is found anyway).
        setRequest({ month: "", id: "" });
        message.info(t(`outcomes.${OUTCOME_MESSAGE[outcome]}`, { month: run.month }));
        onStarted(run.id);
        void queryClient.invalidateQueries({ queryKey: trpc.billing.runs.list.pathKey() });
      },
      onError,
    }),
  );

  function submit({ month }: Values) {
    const text = month.format("YYYY-MM");
    // Same month as an unanswered click: same request id, so the server returns that run.
    const id = request.month === text ? request.id : newRequestId();
    setRequest({ month: text, id });
    start.mutate({ month: text, idempotencyKey: id });
  }

  return (
    <Form<Values> name="runMonth" form={form} layout="inline" initialValues={{ month: dayjs() }} onFinish={submit}>
      <Form.Item name="month" label={t("month")} rules={[{ required: true, message: t("monthRequired") }]}>
        <DatePicker picker="month" format="YYYY-MM" allowClear={false} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={start.isPending}>
          {t("start")}
        </Button>
      </Form.Item>
    </Form>
  );
}
