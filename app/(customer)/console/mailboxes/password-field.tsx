"use client";

import { useTranslations } from "next-intl";
import { App, Button, Form, Input, Space, type FormInstance } from "antd";
import { generatePassword } from "./generate-password";

/** 初始密码 with 随机生成: shown in clear once generated, so the admin can copy it for the user. */
export function PasswordField({ form }: { form: FormInstance }) {
  const t = useTranslations("mailboxes.form");
  const { message } = App.useApp();
  const generate = () => {
    form.setFields([{ name: "password", value: generatePassword(), errors: [] }]);
    message.info(t("generated"));
  };
  return (
    <Form.Item label={t("password")} extra={t("passwordHelp")} required>
      <Space.Compact style={{ width: "100%" }}>
        <Form.Item name="password" noStyle rules={[{ required: true, message: t("required") }]}>
          <Input.Password aria-label={t("password")} autoComplete="new-password" visibilityToggle />
        </Form.Item>
        <Button onClick={generate}>{t("generate")}</Button>
      </Space.Compact>
    </Form.Item>
  );
}
