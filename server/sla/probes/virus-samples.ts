import type { LabelledSample } from "./labelled.probe";

// Test viruses for the virus probe: harmless files every scanner is built to report. The EICAR
// string is spelled in two halves so this source file itself is not flagged by a scanner.
export const EICAR_TEST_STRING = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

const VIRUS_SENDER = "sla-probe@virus-sample.invalid";

/** A message with one attachment: `file` (a clamav-testfiles file), or EICAR when null. */
export function virusSample(file: { name: string; bytes: Buffer } | null): LabelledSample {
  const name = file?.name ?? "eicar.com";
  const body = (file?.bytes ?? Buffer.from(EICAR_TEST_STRING)).toString("base64").replace(/.{76}/g, "$&\r\n");
  const text = [
    `From: <${VIRUS_SENDER}>`,
    "Subject: SLA virus probe",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="sla-probe"',
    "",
    "--sla-probe",
    "Content-Type: text/plain",
    "",
    "A harmless test file every virus scanner reports.",
    "--sla-probe",
    `Content-Type: application/octet-stream; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    "Content-Transfer-Encoding: base64",
    "",
    body,
    "--sla-probe--",
    "",
  ].join("\r\n");
  return { label: "virus", source: file ? `clamav-testfiles/${name}` : "eicar", bytes: Buffer.from(text), from: VIRUS_SENDER };
}
