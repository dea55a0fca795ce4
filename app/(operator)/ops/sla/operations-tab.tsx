"use client";

import { useState } from "react";
import { Flex } from "antd";
import dayjs from "dayjs";
import { IncidentsCard } from "./incidents-card";
import { MaintenanceCard } from "./maintenance-card";

// What the SLA must leave out or count: the last 90 days and everything ahead (the close of last
// month is what an operator may still be correcting). Fixed per visit, so the lists' keys are stable.
const HISTORY_DAYS = 90;

/** 维护与事件: the maintenance calendar and the incidents operators record. */
export function OperationsTab() {
  const [from] = useState(() => dayjs().subtract(HISTORY_DAYS, "day").startOf("day").toISOString());
  return (
    <Flex vertical gap={16}>
      <MaintenanceCard from={from} />
      <IncidentsCard from={from} />
    </Flex>
  );
}
