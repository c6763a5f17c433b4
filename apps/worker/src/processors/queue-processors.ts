// One BullMQ worker per queue; each dispatches by job name to the handler the registry found.
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobHandlerRegistry, QUEUES } from '@app/core';

@Processor(QUEUES.notifications, { concurrency: 8 })
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
