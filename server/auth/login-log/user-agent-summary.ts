// The log keeps the whole User-Agent (up to 512 characters, in the CSV too); the tables show a
// short "Chrome 131 · Windows" a person can scan. Order matters: Edge and Opera also say
// "Chrome", and every Chromium says "Safari".

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/\bOPR\/(\d+)/, "Opera"],
  [/\bFirefox\/(\d+)/, "Firefox"],
  [/\bFxiOS\/(\d+)/, "Firefox"],
  [/\bMicroMessenger\/(\d+)/, "WeChat"],
  [/\bCriOS\/(\d+)/, "Chrome"],
  [/\bChrom(?:e|ium)\/(\d+)/, "Chrome"],
  [/\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows\b/, "Windows"],
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bLinux\b/, "Linux"],
];

const MAX = 60;

/** "Chrome 131 · Windows"; a mail client's or tool's own name as given; null when there is none. */
export function summariseUserAgent(userAgent: string | null | undefined): string | null {
  const ua = userAgent?.trim();
  if (!ua) return null;
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) return [`${name} ${m[1]}`, system].filter(Boolean).join(" · ");
  }
  // Mail clients (what the SMTP/POP3 listeners record) and scripts: the first product token.
  const product = /^[^\s(]+/.exec(ua)?.[0] ?? ua;
  const short = product.replace("/", " ");
  return short.length > MAX ? `${short.slice(0, MAX - 1)}…` : short;
}
