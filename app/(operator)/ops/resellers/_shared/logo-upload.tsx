"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, Flex, Upload, Typography } from "antd";
import { DeleteOutlined, UploadOutlined } from "@ant-design/icons";

const TYPES = ["image/png", "image/jpeg", "image/webp"];
const MAX_BYTES = 200 * 1024;

/**
 * A logo picked from the computer, read in the browser into a data: URL (the server stores it
 * as such and checks its bytes again). PNG, JPEG or WebP up to 200 KB; SVG is refused.
 * An antd Form control: `value` / `onChange`, null when there is no logo.
 */
export function LogoUpload({ value, onChange }: { value?: string | null; onChange?: (dataUrl: string | null) => void }) {
  const t = useTranslations("resellersOps.card");
  const [problem, setProblem] = useState<string | null>(null);

  function read(file: File) {
    setProblem(null);
    if (!TYPES.includes(file.type)) setProblem(t("logoType"));
    else if (file.size > MAX_BYTES) setProblem(t("logoSize"));
    else {
      const reader = new FileReader();
      reader.onload = () => onChange?.(String(reader.result));
      reader.readAsDataURL(file);
    }
    return false; // never upload: the data URL goes with the form
  }

  return (
    <Flex vertical gap={8}>
      <Flex gap={12} align="center">
        {value ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing for next/image to optimise
          <img src={value} alt={t("logoPreview")} data-testid="logo-preview" style={{ width: 64, height: 64, objectFit: "contain", border: "1px solid #f0f0f0", borderRadius: 6 }} />
        ) : null}
        <Upload accept=".png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp" showUploadList={false} beforeUpload={read} maxCount={1}>
          <Button icon={<UploadOutlined />}>{value ? t("logoReplace") : t("logoUpload")}</Button>
        </Upload>
        {value ? (
          <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>
            {t("logoRemove")}
          </Button>
        ) : null}
      </Flex>
      {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : <Typography.Text type="secondary">{t("logoHelp")}</Typography.Text>}
    </Flex>
  );
}
