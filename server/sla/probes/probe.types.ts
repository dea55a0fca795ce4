/** What one probe run found. `latencyMs` is null when the run failed before it could be timed. */
export type ProbeResult = {
  ok: boolean;
  latencyMs: number | null;
  error: string | null;
  /** Labelled samples: the label's source and the verdict (ProbeSample.detail). */
  detail?: Record<string, unknown>;
  /**
   * The failure looked like the probe mailbox itself (unknown user, refused login): the scheduler
   * checks the mailbox before it records the run as an outage (probe-mailbox.ts).
   */
  suspectMailbox?: boolean;
  /** The run says nothing about the service (the probe mailbox was held by another session): no sample. */
  inconclusive?: boolean;
};

/** A mail listener: host and port, implicit TLS or not. */
export type MailTarget = { host: string; port: number };

/** The probe mailbox a probe logs in as and sends to. */
export type ProbeCredentials = { address: string; password: string };

export type ProbeOptions = { timeoutMs: number };
