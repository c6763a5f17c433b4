// Producer side of the registry: typed enqueueing onto the right queue.
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QUEUES, QueueName } from './queue.registry';

export interface EnqueueRequest<J extends JobName = JobName> {
  name: J;
  data: JobPayloads[J];
  /** A fixed id (e.g. the outbox id) makes a second enqueue of the same work a no-op. */
  jobId: string;
  opts?: Omit<JobsOptions, 'jobId'>;
}

@Injectable()
export class JobQueue implements OnModuleInit {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QUEUES)) {
      this.queues.set(name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    }
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`queue ${name} is not registered`);
    return queue;
  }

  async enqueueBulk(requests: EnqueueRequest[]): Promise<void> {
    const byQueue = new Map<QueueName, EnqueueRequest[]>();
    for (const request of requests) {
      const queueName = JOB_QUEUE[request.name];
      const items = byQueue.get(queueName);
      if (items) items.push(request);
      else byQueue.set(queueName, [request]);
    }
    for (const [queueName, items] of byQueue) {
      await this.queue(queueName).addBulk(items.map(({ name, data, jobId, opts }) => ({ name, data, opts: { ...jobOptions(name), ...opts, jobId } })));
    }
  }

  async enqueue<J extends JobName>(request: EnqueueRequest<J>): Promise<void> {
    await this.enqueueBulk([request as EnqueueRequest]);
  }

  /** Answers quickly whether the backend can be reached (health checks). */
  async ping(): Promise<void> {
    await this.queue(QUEUES.maintenance).getJobCounts('waiting');
  }
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Per job kind, where the defaults do not fit. A completed send leaves nothing to look at in the
 * queue: its notification_delivery row is the record (status, attempts, receipt). Keeping 10,000
 * of them also made every completion on BullMQ's PostgreSQL backend scan them all (1,911 no-op
 * jobs/s without, 298 with; bench/RESULTS.md, P5).
 */
const JOB_OPTIONS: Partial<Record<JobName, JobsOptions>> = {
  'notification.send': { removeOnComplete: true },
  'notification.sendBatch': { removeOnComplete: true },
};

/** The options a job of this kind is added with (callers may override per job). */
export function jobOptions(name: JobName): JobsOptions {
  return { ...DEFAULT_JOB_OPTIONS, ...JOB_OPTIONS[name] };
}
