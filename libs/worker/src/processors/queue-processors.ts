// One BullMQ worker per queue; each dispatches by job name to the handler the registry found.
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobHandlerRegistry, QUEUES } from '@app/core';

// A worker that dies (SIGKILL, OOM) holds its jobs' locks until they expire; a short lock (renewed
// every half of it while the job runs) brings them back within seconds. Repeated crashes may stall
// the same job several times: it stays retryable, and the deliveries' own state keeps it idempotent.
// Three jobs at once: sends come in batches (SEND_BATCH) whose mails share the sender's composer and
// SMTP pool, so while one batch waits for its last receipts the others keep the pool fed; a worker
// that dies strands at most three batches (150 mails) behind their locks and leases.
@Processor(QUEUES.notifications, { concurrency: 3, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 20 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.run(job);
  }
}

@Processor(QUEUES.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost {
  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.run(job);
  }
}

/** Renders are CPU-bound: one at a time per worker, apart from the mail sends. */
@Processor(QUEUES.documents, { concurrency: 1, lockDuration: 30_000 })
export class DocumentsProcessor extends WorkerHost {
  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.run(job);
  }
}
