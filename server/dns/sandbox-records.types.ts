import net from "node:net";
import { z } from "zod";

// What may be published to the sandbox. Checked on the way in so the server never has to serve
// a record it cannot encode (a TXT string over 255 bytes, an MX without an exchange…).
const hostname = z
  .string()
  .trim()
  .transform((s) => s.replace(/\.$/, "").toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "expected a name")
      .max(253, "a name has at most 253 characters")
      .regex(/^[a-z0-9_-]{1,63}(\.[a-z0-9_-]{1,63})*$/, "expected an ASCII name such as _dmarc.example.com"),
  );

const ttl = z.number().int().min(0).max(0x7fffffff).default(3600);

export const SandboxRecordInputSchema = z.discriminatedUnion("type", [
  z.object({ name: hostname, type: z.literal("A"), ttl, data: z.object({ address: z.string().refine((a) => net.isIPv4(a), "expected an IPv4 address") }) }),
  z.object({ name: hostname, type: z.literal("AAAA"), ttl, data: z.object({ address: z.string().refine((a) => net.isIPv6(a), "expected an IPv6 address") }) }),
  z.object({ name: hostname, type: z.literal("MX"), ttl, data: z.object({ preference: z.number().int().min(0).max(65535), exchange: hostname }) }),
  z.object({
    name: hostname,
    type: z.literal("TXT"),
    ttl,
    data: z.object({
      strings: z
        .array(z.string().refine((s) => Buffer.byteLength(s) <= 255, "each TXT string has at most 255 bytes"))
        .min(1, "a TXT record has at least one string"),
    }),
  }),
  z.object({ name: hostname, type: z.literal("CNAME"), ttl, data: z.object({ target: hostname }) }),
]);

export type SandboxRecordInput = z.input<typeof SandboxRecordInputSchema>;
export type SandboxRecordValue = z.output<typeof SandboxRecordInputSchema>;

// Short constructors for tests that build zones.
export const sandbox = {
  a: (name: string, address: string, ttl?: number): SandboxRecordInput => ({ name, type: "A", ttl, data: { address } }),
  aaaa: (name: string, address: string, ttl?: number): SandboxRecordInput => ({ name, type: "AAAA", ttl, data: { address } }),
  mx: (name: string, preference: number, exchange: string, ttl?: number): SandboxRecordInput => ({ name, type: "MX", ttl, data: { preference, exchange } }),
  txt: (name: string, ...strings: string[]): SandboxRecordInput => ({ name, type: "TXT", data: { strings } }),
  cname: (name: string, target: string, ttl?: number): SandboxRecordInput => ({ name, type: "CNAME", ttl, data: { target } }),
};
