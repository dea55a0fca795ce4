import { passwordProblems } from "@/server/tenants/passwords/password-rule";

// A random initial password the server's rule accepts (12 characters, all four kinds of
// character), generated in the browser with the Web Crypto API. Look-alike characters
// (0 O o 1 l I) are left out: the admin reads it out or types it to the user.
const SETS = ["abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "!@#$%^&*-_=+?"];

function pick(set: string, random: number): string {
  return set[random % set.length]!;
}

function draw(length: number): string {
  const random = crypto.getRandomValues(new Uint32Array(length + length));
  const all = SETS.join("");
  // One of each kind first, then the rest from all kinds, then shuffled so the kinds are not in order.
  const chars = SETS.map((set, i) => pick(set, random[i]!));
  for (let i = SETS.length; i < length; i++) chars.push(pick(all, random[i]!));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random[length + i]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

/** A draw the rule refuses (three consecutive or repeated digits, about 1 in 700) is drawn again. */
export function generatePassword(length = 12): string {
  for (;;) {
    const password = draw(length);
    if (passwordProblems(password).length === 0) return password;
  }
}
