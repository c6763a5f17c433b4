// Commit-to-enqueue latency (P5): how long after a committed outbox event its job is in the queue.
import type { DataSource } from 'typeorm';
import { JobQueue, QUEUES, UnitOfWork } from '@app/core';
import { sleep } from '../../lib/processes';
import { LATENCY_GAP_MS } from './common';

export interface EnqueueLatency {
  ackMs: number[];
  jobTimestampMs: number[];
  dbMs: number[];
  missing: number;
}

/**
 * Commit-to-enqueue: `events` single `system.ping` events (the relay path does not depend on the
 * type; a ping fans out to nobody), each committed through UnitOfWork.run, which kicks the relay
 * right after COMMIT. Timed from right after the commit returned until the backend acknowledged
 * the job (the relay's addBulk resolved), observed by wrapping this process's queue instance.
 */
export async function measureEnqueueLatency(uow: UnitOfWork, jobs: JobQueue, dataSource: DataSource, events: number): Promise<EnqueueLatency> {
  const queue = jobs.queue(QUEUES.notifications);
  const acked = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  const original = queue.addBulk;
  queue.addBulk = async function (this: typeof queue, ...args: Parameters<typeof original>) {
    const added = await original.apply(this, args);
    const at = performance.now();
    for (const job of added) {
      if (!job.id) continue;
      acked.set(job.id, at);
      waiters.get(job.id)?.();
    }
    return added;
  } as typeof original;
  const ackMs: number[] = [];
  const jobTimestampMs: number[] = [];
  const ids: string[] = [];
  let missing = 0;
  try {
    for (let i = 0; i < events; i++) {
      const id = await uow.run((tx) => tx.emit('system.ping', { note: `p5 latency ${i}` }));
      const committedAt = performance.now();
      const committedWall = Date.now();
      ids.push(id);
      if (!acked.has(id)) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 10_000);
          waiters.set(id, () => {
            clearTimeout(timer);
            resolve();
          });
        });
        waiters.delete(id);
      }
      const at = acked.get(id);
      if (at === undefined) {
        missing += 1;
      } else {
        ackMs.push(at - committedAt);
        const job = await queue.getJob(id);
        if (job) jobTimestampMs.push(job.timestamp - committedWall);
      }
      await sleep(LATENCY_GAP_MS);
    }
  } finally {
    queue.addBulk = original;
  }
  const rows: { ms: number }[] = await dataSource.query(
    `SELECT extract(epoch FROM enqueued_at - created_at) * 1000 AS ms FROM outbox_event WHERE id = ANY($1::uuid[]) AND enqueued_at IS NOT NULL`,
    [ids],
  );
  return { ackMs, jobTimestampMs, dbMs: rows.map((r) => Number(r.ms)), missing };
}

