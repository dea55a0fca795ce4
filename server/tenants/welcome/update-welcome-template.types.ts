import { z } from "zod";

// Loose bounds only: the template rules (welcome-template-rules.ts) give the precise, bilingual
// messages; these stop absurd payloads before any work.
export const ZUpdateWelcomeTemplateRequest = z.object({
  enabled: z.boolean(),
  subject: z.string().max(1_000),
  body: z.string().max(200_000),
});
export type TUpdateWelcomeTemplateRequest = z.infer<typeof ZUpdateWelcomeTemplateRequest>;

export const ZPreviewWelcomeLetterRequest = ZUpdateWelcomeTemplateRequest.omit({ enabled: true });
export type TPreviewWelcomeLetterRequest = z.infer<typeof ZPreviewWelcomeLetterRequest>;
