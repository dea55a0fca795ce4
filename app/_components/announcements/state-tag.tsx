"use client";

import { Tag } from "antd";
import { useTranslations } from "next-intl";
import type { AnnouncementState } from "@/server/announcements/announcement-rules";

const COLOUR: Record<AnnouncementState, string> = { draft: "default", scheduled: "gold", current: "green", ended: "default" };

export function StateTag({ state }: { state: AnnouncementState }) {
  const t = useTranslations("announcements.state");
  return (
    <Tag color={COLOUR[state]} data-testid="announcement-state">
      {t(state)}
    </Tag>
  );
}
