"use client";

import { useCallback, useRef } from "react";
import type { FormInstance } from "antd";

type Field = "subject" | "body";
type Caret = { field: Field; start: number; end: number };

/**
 * Remembers where the caret last was in the subject or the body, and inserts text there (the
 * placeholder buttons take the focus away from the field, so the position is kept on every
 * selection change). Without a remembered position the text goes at the end of the body.
 */
export function useCursorInsert(form: FormInstance) {
  const caret = useRef<Caret | null>(null);

  const track = useCallback(
    (field: Field) => (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      const el = e.currentTarget;
      caret.current = { field, start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length };
    },
    [],
  );

  const insert = useCallback(
    (text: string) => {
      const at = caret.current ?? { field: "body" as const, start: Infinity, end: Infinity };
      const value = String(form.getFieldValue(at.field) ?? "");
      const start = Math.min(at.start, value.length);
      const end = Math.min(at.end, value.length);
      form.setFieldValue(at.field, value.slice(0, start) + text + value.slice(end));
      caret.current = { field: at.field, start: start + text.length, end: start + text.length };
      void form.validateFields([at.field]).catch(() => undefined);
    },
    [form],
  );

  return { track, insert };
}
