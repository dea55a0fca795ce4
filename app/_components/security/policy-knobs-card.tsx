"use client";

import { useEffect } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Form, InputNumber, Radio, Row, Skeleton, Space, Tag, Typography } from "antd";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { policyFieldErrors, POLICY_BOUNDS, type NumericKnob } from "@/server/auth/policy/policy-rules";
import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";
import { toLocale } from "@/server/shared/locale";
import { usePolicyApi, usePolicyMutation, type PolicySource } from "./policy-api";

export type PolicySection = "password" | "lockout" | "totp" | "sessions";
type Knob = keyof SecurityPolicyValues;

export const SECTION_KNOBS: Record<PolicySection, Knob[]> = {
  password: ["passwordMinLength", "passwordMaxLength", "passwordMinClasses", "passwordHistory", "passwordMaxAgeDays", "passwordReminderDays"],
  lockout: ["lockoutThreshold", "lockoutWindowMinutes", "lockoutMinutes"],
  totp: ["totpPolicy"],
  sessions: ["sessionIdleMinutes", "sessionAbsoluteHours"],
};

// The platform's policy is the staff's: its second-factor choice concerns resellers (operators
// always need one), so it is worded for them.
const knobLabelKey = (knob: Knob, kind: PolicySource["kind"]) => (knob === "totpPolicy" && kind === "ops" ? "knobs.totpPolicyPlatform.label" : (`knobs.${knob}.label` as const));
const knobHintKey = (knob: Knob, kind: PolicySource["kind"]) => (knob === "totpPolicy" && kind === "ops" ? "knobs.totpPolicyPlatform.hint" : (`knobs.${knob}.hint` as const));

const isNumeric = (k: Knob): k is NumericKnob => k in POLICY_BOUNDS;

/** The policy of a source: its own, the platform's, or (read-only) a picked tenant's. */
export function usePolicy(source: PolicySource) {
  const { trpc } = usePolicyApi();
  const own = useQuery({ ...trpc.security.policy.tenant.get.queryOptions(), enabled: source.kind === "tenant" });
  const platform = useQuery({ ...trpc.security.policy.ops.get.queryOptions(), enabled: source.kind === "ops" });
  const picked = useQuery({ ...trpc.security.policy.ops.tenantPolicy.queryOptions({ tenantId: source.kind === "opsTenant" ? source.tenantId : "" }), enabled: source.kind === "opsTenant" });
  return source.kind === "tenant" ? own : source.kind === "ops" ? platform : picked;
}

/**
 * One section of a security policy (password rules, lockout, second factor, sessions) as a form:
 * each knob with its bounds and what it does, checked as the admin types by the server's own
 * rules, saved alone (the other sections keep their values).
 */
export function PolicyKnobsCard({ source, section }: { source: PolicySource; section: PolicySection }) {
  const t = useTranslations("securityPolicy");
  const locale = toLocale(useLocale());
  const fmt = useDisplayFormat();
  const api = usePolicyApi();
  const [form] = Form.useForm<Partial<SecurityPolicyValues>>();
  const showErrors = useTrpcFormErrors(form);
  const policy = usePolicy(source);
  const readOnly = source.kind === "opsTenant";
  const knobs = SECTION_KNOBS[section];
  const save = usePolicyMutation((input: Partial<SecurityPolicyValues>) => (source.kind === "ops" ? api.client.ops.update.mutate(input) : api.client.tenant.update.mutate(input)), {
    done: t("saved"),
    onError: (e) => {
      const rest = showErrors(e);
      if (rest) api.message.error(rest);
    },
  });
  const data = policy.data;
  useEffect(() => {
    if (data) form.setFieldsValue(Object.fromEntries(knobs.map((k) => [k, data[k]])));
  }, [data, form, knobs]);

  if (policy.isPending) return <Skeleton active />;
  if (policy.isError) return <Alert type="error" showIcon title={api.refusal(policy.error)} />;
  const p = data!;

  // The server's own rules over the whole policy as it would be saved; the field's first problem shows under it.
  const check = (knob: Knob) => () => {
    const values = { ...p, ...form.getFieldsValue(knobs) } as SecurityPolicyValues;
    if (values[knob] === null || values[knob] === undefined) return Promise.reject(new Error(t("required")));
    const first = policyFieldErrors(values)[knob]?.[0];
    return first ? Promise.reject(new Error(first[locale])) : Promise.resolve();
  };

  return (
    <Card
      title={t(`sections.${section}.title`)}
      extra={<Tag color={p.isDefault ? "default" : "blue"}>{p.isDefault ? t("defaultInUse") : t("customInUse")}</Tag>}
      data-testid={`policy-${section}`}
    >
      <Typography.Paragraph type="secondary">{t(`sections.${section}.intro`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} disabled={readOnly || save.isPending} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          {knobs.map((knob) => (
            <Col xs={24} md={knobs.length === 1 ? 24 : 12} xl={knobs.length === 1 ? 24 : 8} key={knob}>
              <Form.Item
                name={knob}
                label={t(knobLabelKey(knob, source.kind))}
                dependencies={knobs.filter((k) => k !== knob)}
                rules={[{ validator: check(knob) }]}
                extra={
                  <>
                    <div>{t(knobHintKey(knob, source.kind))}</div>
                    {isNumeric(knob) && <div>{t("bounds", { min: POLICY_BOUNDS[knob].min, max: POLICY_BOUNDS[knob].max, def: p.defaults[knob] })}</div>}
                  </>
                }
              >
                {isNumeric(knob) ? (
                  <InputNumber<number> step={1} precision={0} style={{ width: "100%" }} aria-label={t(knobLabelKey(knob, source.kind))} />
                ) : (
                  <Radio.Group aria-label={t(knobLabelKey(knob, source.kind))} options={(["optional", "required"] as const).map((v) => ({ value: v, label: t(`totp.${v}`) }))} />
                )}
              </Form.Item>
            </Col>
          ))}
        </Row>
        {!readOnly && (
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t("save")}
            </Button>
            {p.updatedAt && <Typography.Text type="secondary">{t("updatedAt", { at: fmt.dateTime(p.updatedAt) })}</Typography.Text>}
          </Space>
        )}
      </Form>
    </Card>
  );
}
