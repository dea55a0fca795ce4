import type { QuarantineVerdict } from "@/server/mail/engine.types";

// The delivery log's one-line reason for a copy held in quarantine (English, like the engine's
// other reasons; the portal translates the status, and shows the reasons from QuarantineItem).

const SHOWN_REASONS = 3;

export function quarantineReason(v: QuarantineVerdict): string {
  const names = v.reasons.slice(0, SHOWN_REASONS).map((r) => r.name);
  const more = v.reasons.length > SHOWN_REASONS ? ", …" : "";
  const why = names.length ? `: ${names.join(", ")}${more}` : "";
  switch (v.kind) {
    case "spam":
      return `quarantined as spam${v.score === null ? "" : ` (score ${v.score.toFixed(2)})`}${why}`;
    case "virus":
      return `quarantined: virus found${why}`;
    case "dmarc":
      return `quarantined by the sender domain's DMARC policy${why}`;
  }
}
