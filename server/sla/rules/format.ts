// How the rules' steps write numbers. Rounding here is for reading only: every judgement is made
// on the exact integers before anything is formatted.

/** ppm as a percentage with `digits` decimals (0–4), rounded half up: 998981 → "99.9" (1 digit). No unit. */
export function formatPpm(ppm: number, digits = 4): string {
  if (!Number.isSafeInteger(ppm)) throw new RangeError(`ppm must be a whole number, got ${ppm}`);
  const d = Math.min(4, Math.max(0, Math.floor(digits)));
  const scale = 10 ** (4 - d);
  const rounded = Math.floor((Math.abs(ppm) + scale / 2) / scale);
  const sign = ppm < 0 && rounded > 0 ? "-" : "";
  const whole = Math.floor(rounded / 10 ** d);
  return d === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(rounded % 10 ** d).padStart(d, "0")}`;
}

/** A target as the contract writes it, without trailing zeros: 999000 → "99.9 %", 100 → "0.01 %". */
export function percentText(ppm: number): string {
  const text = formatPpm(ppm, 4);
  return `${text.includes(".") ? text.replace(/\.?0+$/, "") : text} %`;
}

/** Up to `digits` decimals without trailing zeros: 4.4 → "4.4", 44 → "44". */
export const decimal = (value: number, digits = 2): string => String(Number(value.toFixed(digits)));

/** Whole minutes as minutes, anything else in seconds too: 2640 → "44 min", 264 → "264 s (4.4 min)". */
export const durationText = (seconds: number): string =>
  seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s (${decimal(seconds / 60)} min)`;

/** Milliseconds as seconds, rounded up to the millisecond so a breach never reads as the limit. */
export const msText = (ms: number): string => `${(Math.ceil(ms) / 1000).toFixed(3)} s`;
