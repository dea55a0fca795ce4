"use client";

/**
 * The body as HTML. It was sanitised by the server on write and again on read (no script, no
 * event or style attributes, http/https/mailto links only), so it is rendered as it came.
 */
export function AnnouncementBody({ html }: { html: string }) {
  return <div className="announcement-body" style={{ overflowWrap: "anywhere" }} dangerouslySetInnerHTML={{ __html: html }} />;
}
