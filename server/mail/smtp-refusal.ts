import type { SmtpRefusal } from "./engine.types";

/** The Error smtp-server turns into a reply: "<code> <enhanced> <text>". */
export function refusalError(r: SmtpRefusal): Error & { responseCode: number } {
  return Object.assign(new Error(`${r.enhanced} ${r.text}`), { responseCode: r.code });
}

export function refusal(code: number, enhanced: string, text: string): SmtpRefusal {
  return { code, enhanced, text };
}
