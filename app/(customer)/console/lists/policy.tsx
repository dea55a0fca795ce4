"use client";

import { useTranslations } from "next-intl";
import { Flex, Radio, Tag, Typography } from "antd";
import type { ListPolicy } from "@/server/generated/prisma/enums.ts";

export const POLICIES: readonly ListPolicy[] = ["anyone", "members_and_senders", "senders_only", "organisation"];

/** The policies under which named senders matter: only these show the senders' section. */
export const usesNamedSenders = (policy: ListPolicy | undefined) => policy === "members_and_senders" || policy === "senders_only";

const COLOURS: Record<ListPolicy, string> = { anyone: "green", members_and_senders: "blue", senders_only: "purple", organisation: "gold" };

export function PolicyTag({ policy }: { policy: ListPolicy }) {
  const t = useTranslations("lists");
  return <Tag color={COLOURS[policy]}>{t(`policies.${policy}`)}</Tag>;
}

/** The four policies as radios, each with its one-line explanation; an antd form control. */
export function PolicyRadio({ value, onChange }: { value?: ListPolicy; onChange?: (policy: ListPolicy) => void }) {
  const t = useTranslations("lists");
  return (
    <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as ListPolicy)}>
      <Flex vertical gap={8}>
        {POLICIES.map((p) => (
          <Radio key={p} value={p}>
            <Flex vertical>
              <span>{t(`policies.${p}`)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`policyHelp.${p}`)}
              </Typography.Text>
            </Flex>
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  );
}
