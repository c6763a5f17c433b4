// Waits until the queues hold no waiting, active or delayed work (or fails after a timeout).
import { JobType } from 'bullmq';
import { JobQueue, QUEUES, QueueName } from '@app/core';

export async function drainQueue(
  jobs: JobQueue,
  options: { queues?: QueueName[]; timeoutMs?: number; includeDelayed?: boolean } = {},
): Promise<void> {
  const queues = options.queues ?? [QUEUES.notifications];
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const states: JobType[] = ['waiting', 'active', 'prioritized', 'waiting-children'];
  if (options.includeDelayed !== false) states.push('delayed');
  for (;;) {
    let pending = 0;
    for (const name of queues) {
      const counts = await jobs.queue(name).getJobCounts(...states);
      pending += Object.values(counts).reduce((sum, count) => sum + count, 0);
    }
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`queues still hold ${pending} job(s) after the timeout`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls a condition until it holds (outcomes recorded in our own tables, never queue events). */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met before the timeout');
    await new Promise((r) => setTimeout(r, 50));
  }
}
