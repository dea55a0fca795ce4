"use client";

import { useEffect } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Form, Input, Row, Skeleton, Space, Switch, Tag, Tooltip } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { toLocale } from "@/server/shared/locale";
import { BODY_MAX_BYTES, SUBJECT_MAX_LENGTH, templateProblems } from "@/server/tenants/welcome/welcome-template-rules";
import { useCursorInsert } from "./use-cursor-insert";
import { WelcomePreview } from "./welcome-preview";

type Fields = { enabled: boolean; subject: string; body: string };

/** The tenant's welcome letter: switch, subject, body, placeholder buttons and a live preview. */
export function WelcomeTemplateEditor() {
  const t = useTranslations("welcome");
  const locale = toLocale(useLocale());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const showErrors = useTrpcFormErrors(form);
  const { track, insert } = useCursorInsert(form);
  const template = useQuery(trpc.tenants.welcome.get.queryOptions());
  const save = useMutation(
    trpc.tenants.welcome.update.mutationOptions({
      onSuccess: () => {
        message.success(t("saved"));
        void queryClient.invalidateQueries({ queryKey: trpc.tenants.welcome.get.queryKey() });
      },
      onError: (err) => {
        const rest = showErrors(err);
        if (rest) message.error(rest);
      },
    }),
  );
  const data = template.data;
  useEffect(() => {
    if (data) form.setFieldsValue({ enabled: data.enabled, subject: data.subject, body: data.body });
  }, [data, form]);
  const subject = Form.useWatch("subject", form) ?? "";
  const body = Form.useWatch("body", form) ?? "";
  const enabled = Form.useWatch("enabled", form) ?? true;

  if (template.isPending) return <Skeleton active />;
  if (template.isError) return <Alert type="error" showIcon title={t("loadFailed")} description={template.error.message} />;
  // The server's own rule, run as typed, so an unknown placeholder shows before saving.
  const problem = (field: "subject" | "body") => () => {
    const first = templateProblems(form.getFieldValue("subject") ?? "", form.getFieldValue("body") ?? "")[field]?.[0];
    return first ? Promise.reject(new Error(first[locale])) : Promise.resolve();
  };
  const fill = (which: "zh-CN" | "en") => form.setFieldsValue(data!.defaults[which]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card title={t("cardTitle")} extra={data!.isDefault && <Tag>{t("defaultInUse")}</Tag>}>
          <p style={{ marginTop: 0 }}>{t("cardHint")}</p>
          <Form<Fields> form={form} layout="vertical" requiredMark={false} disabled={save.isPending} onFinish={(v) => save.mutate(v)}>
            <Form.Item name="enabled" label={t("enabled")} valuePropName="checked" extra={!enabled && t("disabledNote")}>
              <Switch checkedChildren={t("on")} unCheckedChildren={t("off")} />
            </Form.Item>
            <Form.Item name="subject" label={t("subject")} rules={[{ validator: problem("subject") }]}>
              <Input maxLength={SUBJECT_MAX_LENGTH} showCount onSelect={track("subject")} onKeyUp={track("subject")} onClick={track("subject")} />
            </Form.Item>
            <Form.Item label={t("placeholders")} extra={t("placeholdersHint")}>
              <Space wrap size={[8, 8]}>
                {data!.placeholders.map((p) => (
                  <Tooltip key={p} title={`{{${p}}}`}>
                    <Button size="small" onClick={() => insert(`{{${p}}}`)} aria-label={`{{${p}}}`}>
                      {t(`ph.${p}`)}
                    </Button>
                  </Tooltip>
                ))}
              </Space>
            </Form.Item>
            <Form.Item
              name="body"
              label={t("body")}
              rules={[{ validator: problem("body") }]}
              extra={t("bytes", { used: `${(new TextEncoder().encode(body).length / 1024).toFixed(1)} KB` })}
            >
              <Input.TextArea rows={16} onSelect={track("body")} onKeyUp={track("body")} onClick={track("body")} style={{ fontFamily: "monospace" }} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t("save")}
              </Button>
              <Button onClick={() => fill("zh-CN")}>{t("useDefaultZh")}</Button>
              <Button onClick={() => fill("en")}>{t("useDefaultEn")}</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <WelcomePreview subject={subject} body={body} sample={data!.sample} tooLong={new TextEncoder().encode(body).length > BODY_MAX_BYTES} />
      </Col>
    </Row>
  );
}
