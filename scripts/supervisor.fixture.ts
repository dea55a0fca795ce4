// Test fixture for supervisor.test.ts: supervises the specs given as JSON in argv[2].
import { supervise, type ProcessSpec } from "./supervisor";

supervise(JSON.parse(process.argv[2]!) as ProcessSpec[], { graceMs: Number(process.argv[3] ?? 2_000) });
