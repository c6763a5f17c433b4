// The worker: a Nest application context (no HTTP) running the BullMQ processors and schedules.
import { DynamicModule, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  JobHandlerRegistry,
  JobQueue,
  LoggingModule,
  QueueModule,
  QUEUES,
} from '@app/core';
import { ALL_ENTITIES } from '@app/domain';
import { OutboxDispatchHandler, OutboxSweepHandler } from './processors/outbox.processor';
import { MaintenanceProcessor, NotificationsProcessor } from './processors/queue-processors';

export const OUTBOX_SWEEP_EVERY_MS = 10_000;

@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    // Job schedulers are idempotent upserts: every worker instance may declare them.
    await this.jobs
      .queue(QUEUES.maintenance)
      .upsertJobScheduler('outbox-sweep', { every: OUTBOX_SWEEP_EVERY_MS }, { name: 'outbox.sweep', data: {} });
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(),
        DatabaseModule.forRoot(ALL_ENTITIES),
        QueueModule.forRoot(),
        DiscoveryModule,
      ],
      providers: [
        JobHandlerRegistry,
        NotificationsProcessor,
        MaintenanceProcessor,
        OutboxDispatchHandler,
        OutboxSweepHandler,
        WorkerSchedules,
      ],
    };
  }
}
