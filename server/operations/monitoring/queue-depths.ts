import { getQueue, queueDefs, type QueueKey } from "@/server/shared/queues";

// Each BullMQ queue's job counts, straight from Redis through the Queue API (one round trip per
// queue). `failed` is what the queue still keeps (removeOnFail trims it): the workers' own
// mailstead_jobs_total is the failure total over time.

export type QueueDepth = { queue: string; waiting: number; active: number; delayed: number; failed: number };

export async function queueDepths(): Promise<QueueDepth[]> {
  const keys = Object.keys(queueDefs) as QueueKey[];
  return Promise.all(
    keys.map(async (key) => {
      const c = await getQueue(key).getJobCounts("waiting", "active", "delayed", "failed", "prioritized", "waiting-children");
      // BullMQ keeps prioritized jobs in their own set: they are waiting all the same.
      return { queue: queueDefs[key].name, waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c["waiting-children"] ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
    }),
  );
}
