"use client";

import { Tag } from "antd";
import { useTranslations } from "next-intl";
import type { Level } from "@/server/announcements/announcement.types";

/** notice blue, maintenance orange, urgent red: the colour says how much it matters at a glance. */
export const LEVEL_COLOUR: Record<Level, string> = { notice: "blue", maintenance: "orange", urgent: "red" };

export function LevelTag({ level }: { level: Level }) {
  const t = useTranslations("announcements.level");
  return <Tag color={LEVEL_COLOUR[level]}>{t(level)}</Tag>;
}
