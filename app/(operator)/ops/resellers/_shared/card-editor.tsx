"use client";

import type { ReactNode } from "react";
import { Alert, Card, Col, Row } from "antd";
import type { CardValues } from "./card-fields";

/** A stored card as the form's values: absent texts as empty fields. */
export function cardValuesOf(r: { contactName: string | null; contactPhone: string | null; contactEmail: string | null; logo: string | null; serviceHours: string | null }): CardValues {
  return { contactName: r.contactName ?? "", contactPhone: r.contactPhone ?? "", contactEmail: r.contactEmail ?? "", logo: r.logo, serviceHours: r.serviceHours ?? "" };
}

/**
 * The operator's and the reseller's card editors side by side with the preview: the form in a card,
 * with the server's error that no field owns above it.
 */
export function CardEditor({ title, whole, form, preview }: { title?: ReactNode; whole: string | null; form: ReactNode; preview: ReactNode }) {
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card title={title}>
          {whole && <Alert type="error" showIcon title={whole} style={{ marginBottom: 16 }} />}
          {form}
        </Card>
      </Col>
      <Col xs={24} lg={10}>{preview}</Col>
    </Row>
  );
}
