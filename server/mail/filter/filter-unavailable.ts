// A scanner that could not give a verdict (down, timed out, answered nonsense). The engine
// answers 451 4.7.1 then: a message is never delivered unscanned (issue 8, "Bad input").
export type ScannerName = "rspamd" | "spamassassin" | "clamd" | "dns";

export class FilterUnavailableError extends Error {
  constructor(
    readonly scanner: ScannerName,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${scanner}: ${message}`, options);
    this.name = "FilterUnavailableError";
  }
}
