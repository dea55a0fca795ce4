// How big a message a plan lets through. Plans state the attachment a user may send
// (Plan.attachmentLimitMb: 263's 30 MB, Tencent's 100 MB; seed 002), but SMTP sees the encoded
// message: an attachment travels base64-encoded, 4 bytes for every 3, in lines of 76
// characters each followed by CRLF (RFC 2045 §6.8), inside a message that also has headers,
// a text part and MIME boundaries. So:
//
//   attachment  A = attachmentLimitMb × 1 MiB
//   encoded     E = 4 × ceil(A / 3)                      (base64)
//   with lines  L = E + 2 × ceil(E / 76)                 (CRLF after every 76 characters)
//   message       = L + 1 MiB                            (headers, text and HTML parts, boundaries)
//
// 30 MB → 44,095,382 bytes; 100 MB → 144,537,928 bytes. The 1 MiB of room is generous for
// headers and a text body; it means an attachment exactly at the limit always fits.

const MIB = 1024 * 1024;
/** Room for headers, the text and HTML parts and MIME boundaries beside the attachment. */
export const MESSAGE_OVERHEAD_BYTES = MIB;

/**
 * A tenant without an active subscription (a trial, an order awaiting payment) gets the
 * smallest normal-attachment limit of the seeds' catalogues: 263's 30 MB.
 */
export const DEFAULT_ATTACHMENT_LIMIT_MB = 30;

export function maxMessageBytes(attachmentLimitMb: number): number {
  const attachment = attachmentLimitMb * MIB;
  const encoded = 4 * Math.ceil(attachment / 3);
  const withLineBreaks = encoded + 2 * Math.ceil(encoded / 76);
  return withLineBreaks + MESSAGE_OVERHEAD_BYTES;
}
