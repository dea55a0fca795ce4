import { say, type Localized } from "@/server/shared/errors";

// A reseller's logo is kept as a data: URL (no file store) and shown on every client's home, so
// only raster formats whose first bytes prove what they are get in: an SVG can carry scripts,
// and a file that lies about its type is refused rather than guessed at.

export const LOGO_MAX_BYTES = 200 * 1024;
/** The longest data: URL worth decoding: 200 KB in base64 plus the header, with room to spare. */
export const LOGO_MAX_URL_LENGTH = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 64;

export type LogoType = "image/png" | "image/jpeg" | "image/webp";
const ALLOWED: readonly LogoType[] = ["image/png", "image/jpeg", "image/webp"];

/** The raster type the bytes begin with, or null. */
export function sniffImageType(bytes: Uint8Array): LogoType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF <size> WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

const NOT_IMAGE = say("The logo must be a PNG, JPEG or WebP image", "标志须为 PNG、JPEG 或 WebP 图片");

/** What is wrong with a logo data: URL, or null when it may be stored. */
export function logoProblem(dataUrl: string): Localized | null {
  if (dataUrl.length > LOGO_MAX_URL_LENGTH) return tooLarge();
  const match = /^data:([\w.+-]+\/[\w.+-]+)(;[\w-]+=[\w.-]+)*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) {
    if (/^data:image\/svg/i.test(dataUrl)) return svg();
    return say("The logo must be an image file uploaded from your computer", "标志须为从电脑上传的图片文件");
  }
  const declared = match[1]!.toLowerCase();
  if (declared.startsWith("image/svg")) return svg();
  const bytes = Buffer.from(match[3]!, "base64");
  if (bytes.length === 0) return NOT_IMAGE;
  if (bytes.length > LOGO_MAX_BYTES) return tooLarge();
  const actual = sniffImageType(bytes);
  if (!actual) {
    // An SVG renamed or re-labelled as PNG is still text that starts with "<".
    if (/^\s*(<\?xml|<svg|<!DOCTYPE svg)/i.test(bytes.subarray(0, 200).toString("utf8"))) return svg();
    return NOT_IMAGE;
  }
  const normalisedDeclared = declared === "image/jpg" ? "image/jpeg" : declared;
  if (!ALLOWED.includes(normalisedDeclared as LogoType) || normalisedDeclared !== actual) {
    return say(`The file says it is ${declared} but its content is ${actual}; save it again as PNG, JPEG or WebP`, `文件声明为 ${declared}，实际内容为 ${actual}；请重新保存为 PNG、JPEG 或 WebP`);
  }
  return null;
}

function svg(): Localized {
  return say("SVG logos are not accepted (they can carry scripts); use PNG, JPEG or WebP", "不接受 SVG 标志（可能含有脚本），请使用 PNG、JPEG 或 WebP");
}

function tooLarge(): Localized {
  return say("The logo is larger than 200 KB; use a smaller image", "标志超过 200 KB，请使用更小的图片");
}
