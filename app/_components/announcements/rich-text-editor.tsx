"use client";

import { useEffect, useRef } from "react";
import { Button, Space, Tooltip } from "antd";
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, UnderlineOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { useTranslations } from "next-intl";

type CommandKey = "bold" | "italic" | "underline" | "bulletList" | "numberedList" | "link";

// The toolbar: each button and the browser editing command it runs ("createLink" asks for the address).
const COMMANDS: { key: CommandKey; icon: React.ReactNode; command: string }[] = [
  { key: "bold", icon: <BoldOutlined />, command: "bold" },
  { key: "italic", icon: <ItalicOutlined />, command: "italic" },
  { key: "underline", icon: <UnderlineOutlined />, command: "underline" },
  { key: "bulletList", icon: <UnorderedListOutlined />, command: "insertUnorderedList" },
  { key: "numberedList", icon: <OrderedListOutlined />, command: "insertOrderedList" },
  { key: "link", icon: <LinkOutlined />, command: "createLink" },
];

/**
 * A small rich-text field for the announcement editor: a contentEditable area with bold, italic,
 * underline, lists and links, as an antd form control (value/onChange carry HTML). It needs no
 * package: the browser's editing commands write the markup, and the server sanitises whatever
 * arrives, so nothing here is trusted.
 */
export function RichTextEditor({ id, value, onChange, ariaLabel }: { id?: string; value?: string; onChange?: (html: string) => void; ariaLabel: string }) {
  const t = useTranslations("announcements.editor");
  const area = useRef<HTMLDivElement>(null);

  // Only an outside change (the form reset, a loaded announcement) is written into the area:
  // rewriting it on every keystroke would move the caret.
  useEffect(() => {
    const el = area.current;
    if (el && (value ?? "") !== el.innerHTML) el.innerHTML = value ?? "";
  }, [value]);

  // Enter should start a <p>: Chrome's default <div> lines would be separate only until sanitised.
  function paragraphs() {
    document.execCommand("defaultParagraphSeparator", false, "p");
  }
  function changed() {
    onChange?.(area.current?.innerHTML ?? "");
  }
  function apply(command: string) {
    let arg: string | undefined;
    if (command === "createLink") {
      const href = window.prompt(t("linkPrompt"), "https://")?.trim();
      if (!href || !/^(https?:|mailto:)/i.test(href)) return;
      arg = href;
    }
    area.current?.focus();
    document.execCommand(command, false, arg);
    changed();
  }

  return (
    <div style={{ border: "1px solid #d9d9d9", borderRadius: 6 }}>
      <Space size={2} style={{ padding: 4, borderBottom: "1px solid #f0f0f0", width: "100%" }} role="toolbar" aria-label={ariaLabel}>
        {COMMANDS.map((c) => (
          <Tooltip key={c.key} title={t(c.key)}>
            {/* onMouseDown: keep the selection in the text while the button is pressed. */}
            <Button type="text" size="small" icon={c.icon} aria-label={t(c.key)} onMouseDown={(e) => e.preventDefault()} onClick={() => apply(c.command)} />
          </Tooltip>
        ))}
      </Space>
      <div
        id={id}
        ref={area}
        role="textbox"
        aria-multiline="true"
        aria-label={ariaLabel}
        contentEditable
        suppressContentEditableWarning
        onFocus={paragraphs}
        onInput={changed}
        onBlur={changed}
        style={{ minHeight: 160, maxHeight: 400, overflowY: "auto", padding: "8px 11px", outline: "none" }}
        data-testid="announcement-body-editor"
      />
    </div>
  );
}
