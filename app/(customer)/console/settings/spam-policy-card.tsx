"use client";

import { useEffect } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Form, InputNumber, Popconfirm, Row, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import type { SpamThresholds, VirusActionValue } from "@/server/mail/filter/spam-policy-rules";
import { spamPolicyFieldErrors } from "@/server/mail/policy/spam-policy-messages";
import { toLocale } from "@/server/shared/locale";
import { SpamScale } from "./spam-scale";

type Fields = { addHeaderScore: number | null; quarantineScore: number | null; rejectScore: number | null; virusAction: VirusActionValue };
const THRESHOLDS = ["addHeaderScore", "quarantineScore", "rejectScore"] as const satisfies readonly (keyof SpamThresholds)[];

/** The tenant's spam thresholds and virus action (issue 8 §4), on the settings page. */
export function SpamPolicyCard() {
  const t = useTranslations("spamPolicy");
  const locale = toLocale(useLocale());
  const fmt = useDisplayFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const showErrors = useTrpcFormErrors(form);
  const policy = useQuery(trpc.spamPolicy.get.queryOptions());
  const suspended = useQuery(trpc.abuse.suspendedMailboxes.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.spamPolicy.get.queryKey() });
  const onError = (err: unknown) => {
    const rest = showErrors(err);
    if (rest) message.error(rest);
  };
  const save = useMutation(trpc.spamPolicy.update.mutationOptions({ onSuccess: () => (message.success(t("saved")), void refresh()), onError }));
  const reset = useMutation(trpc.spamPolicy.reset.mutationOptions({ onSuccess: () => (message.success(t("resetDone")), void refresh()), onError }));
  const data = policy.data;
  useEffect(() => {
    if (data) form.setFieldsValue({ addHeaderScore: data.addHeaderScore, quarantineScore: data.quarantineScore, rejectScore: data.rejectScore, virusAction: data.virusAction });
  }, [data, form]);
  const watched = {
    addHeaderScore: Form.useWatch("addHeaderScore", form),
    quarantineScore: Form.useWatch("quarantineScore", form),
    rejectScore: Form.useWatch("rejectScore", form),
  };

  if (policy.isPending) return <Skeleton active />;
  if (policy.isError) return <Alert type="error" showIcon title={t("loadFailed")} description={policy.error.message} />;
  const p = data!;
  const busy = save.isPending || reset.isPending;

  // The server's own rules, run as the admin types: the first problem of the field shows under it.
  const check = (field: keyof SpamThresholds) => () => {
    const v = form.getFieldsValue(THRESHOLDS as unknown as (keyof Fields)[]) as Record<keyof SpamThresholds, number | null>;
    if (v[field] == null) return Promise.reject(new Error(t("required")));
    const values = Object.fromEntries(THRESHOLDS.map((f) => [f, v[f] ?? Number.NaN])) as SpamThresholds;
    const first = spamPolicyFieldErrors(values)[field]?.[0];
    return first ? Promise.reject(new Error(first[locale])) : Promise.resolve();
  };
  const scale = THRESHOLDS.every((f) => typeof watched[f] === "number") ? (watched as SpamThresholds) : p;
  const submit = (v: Fields) =>
    save.mutate({ addHeaderScore: v.addHeaderScore ?? Number.NaN, quarantineScore: v.quarantineScore ?? Number.NaN, rejectScore: v.rejectScore ?? Number.NaN, virusAction: v.virusAction });

  return (
    <Card title={t("cardTitle")} extra={<Tag color={p.isDefault ? "default" : "blue"}>{p.isDefault ? t("defaultInUse") : t("customInUse")}</Tag>} data-testid="spam-policy-card">
      {suspended.data && suspended.data.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("suspendedTitle")}
          description={t("suspendedHint", { count: suspended.data.length, addresses: suspended.data.map((m) => m.address).join(", ") })}
        />
      )}
      <p style={{ marginTop: 0 }}>{t("intro")}</p>
      <Typography.Text strong>{t("scaleLabel")}</Typography.Text>
      <SpamScale thresholds={scale} />
      <Form<Fields> form={form} layout="vertical" requiredMark={false} disabled={busy} onFinish={submit}>
        <Row gutter={16}>
          {THRESHOLDS.map((field, i) => (
            <Col xs={24} md={8} key={field}>
              <Form.Item
                name={field}
                label={t(`fields.${field}`)}
                dependencies={THRESHOLDS.slice(0, i)}
                rules={[{ validator: check(field) }]}
                extra={
                  <>
                    <div>{t("bounds", { min: p.bounds[field].min, max: p.bounds[field].max, def: p.defaults[field] })}</div>
                    <div>{t(`explain.${field}`)}</div>
                  </>
                }
              >
                <InputNumber<number> step={1} style={{ width: "100%" }} aria-label={t(`fields.${field}`)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="virusAction" label={t("fields.virusAction")} extra={t("virusHint")} style={{ maxWidth: 420 }}>
          <Select
            aria-label={t("fields.virusAction")}
            options={(["reject", "quarantine"] as const).map((v) => ({ value: v, label: t(`virus.${v}`) }))}
          />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("save")}
          </Button>
          <Popconfirm title={t("resetConfirm")} onConfirm={() => reset.mutate()} disabled={p.isDefault || busy}>
            <Button loading={reset.isPending} disabled={p.isDefault || busy}>
              {t("reset")}
            </Button>
          </Popconfirm>
          {p.updatedAt && <Typography.Text type="secondary">{t("updatedAt", { at: fmt.dateTime(p.updatedAt) })}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}
