/**
 * The message namespaces of the mail lists. Each has the keys the shared pieces read
 * (`filters.label|search|reset`, `loadMore`, `end`, `shown`), so their texts stay each page's own.
 */
export type MailListNamespace = "mailLog" | "quarantine";
