import sanitizeHtml from "sanitize-html";

/** The longest body kept, counted after sanitising (the column is TEXT; homes show it whole). */
export const BODY_MAX = 20_000;

// The small editor's vocabulary (bold, italic, underline, lists, links) plus headings, quotes and
// code. Everything else is dropped, never escaped into view: scripts, styles, frames, images, event
// attributes and style attributes cannot survive, so a body is safe to render as HTML anywhere.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code", "pre"],
  allowedAttributes: { a: ["href", "target", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Dropped with their content: their text is code, not words for the reader.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template"],
  disallowedTagsMode: "discard",
  transformTags: {
    // Chrome's contentEditable wraps each new line in <div> (the editor asks for <p>, but pasted or
    // older bodies still carry divs): as paragraphs the lines stay apart instead of running together.
    div: "p",
    // Links opened from an announcement must not hand the portal's window to the target page.
    a: (tagName, attribs) => {
      const out: Record<string, string> = {};
      if (attribs.href) out.href = attribs.href;
      if (attribs.target) out.target = attribs.target === "_blank" ? "_blank" : "_self";
      return { tagName, attribs: { ...out, rel: "noopener noreferrer" } };
    },
  },
};

/** The body as stored and as rendered: sanitised on write and again on read (defence in depth). */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** True when the sanitised body shows nothing a reader could read (only tags and whitespace). */
export function isBlankBody(sanitised: string): boolean {
  return sanitizeHtml(sanitised, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, "").length === 0;
}
