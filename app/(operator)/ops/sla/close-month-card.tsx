"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, Popconfirm, Progress, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useSlaOpsForm } from "./use-sla-ops";

type Values = { month: Dayjs };

/**
 * Closes a month by hand (the job does it on the 1st): the close runs within the request, so the
 * progress is the request's; its result says how many tenants were closed, breached and credited.
 */
export function CloseMonthCard({ defaultMonth, onClosed }: { defaultMonth: string; onClosed: (month: string) => void }) {
  const t = useTranslations("opsSla.close");
  const { trpc, form, onError, refreshSla } = useSlaOpsForm<Values>();
  const close = useMutation(
    trpc.sla.ops.close.mutationOptions({
      onSuccess: (result) => {
        refreshSla();
        onClosed(result.month);
      },
      onError,
    }),
  );
  const month = Form.useWatch("month", form)?.format("YYYY-MM") ?? defaultMonth;
  const r = close.data;

  return (
    <Card title={t("title")} size="small">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("help")}</Typography.Text>
        <Form<Values> name="closeSlaMonth" form={form} layout="inline" initialValues={{ month: dayjs(defaultMonth) }} onFinish={(v) => close.mutate({ month: v.month.format("YYYY-MM") })}>
          <Form.Item name="month" label={t("month")} rules={[{ required: true }]}>
            <DatePicker picker="month" format="YYYY-MM" allowClear={false} />
          </Form.Item>
          <Form.Item>
            <Popconfirm title={t("confirm", { month })} onConfirm={() => form.submit()}>
              <Button type="primary" loading={close.isPending}>
                {t("submit")}
              </Button>
            </Popconfirm>
          </Form.Item>
        </Form>
        {close.isPending && <Progress percent={100} status="active" showInfo={false} aria-label={t("running", { month })} />}
        {close.isPending && <Typography.Text>{t("running", { month })}</Typography.Text>}
        {r && !close.isPending && (
          <>
            <Alert type="success" showIcon title={t("done", { month: r.month })} />
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} aria-label={t("done", { month: r.month })}>
              <Descriptions.Item label={t("tenants")}>{r.tenants}</Descriptions.Item>
              <Descriptions.Item label={t("breached")}>{r.breached}</Descriptions.Item>
              <Descriptions.Item label={t("credits")}>{r.credits}</Descriptions.Item>
              <Descriptions.Item label={t("noEvidence")}>{r.noEvidence}</Descriptions.Item>
              <Descriptions.Item label={t("skipped")}>{r.skipped}</Descriptions.Item>
              <Descriptions.Item label={t("duration")}>{t("ms", { ms: r.ms })}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Flex>
    </Card>
  );
}
