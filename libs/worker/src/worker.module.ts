// The worker: a Nest application context (no HTTP) running the BullMQ processors and schedules.
import { DynamicModule, Global, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import {
  AppConfig,
  AuditRecorder,
  ConfigModule,
  DatabaseModule,
  JobHandlerRegistry,
  JobQueue,
  LoggingModule,
  QueueModule,
  QUEUES,
} from '@app/core';
import { ALL_ENTITIES, AuditLogModule, CertificatesModule, MetricsModule, NotificationsModule } from '@app/domain';
import { CERTIFICATES_SWEEP_EVERY_MS, CertificatesRenderHandler, CertificatesSweepHandler } from './processors/certificates.processor';
import { WorkerMetricsServer } from './metrics-server';
import {
  NotificationRemindersHandler,
  NotificationSendBatchHandler,
  NotificationSendHandler,
  NotificationsSweepHandler,
} from './processors/notifications.processor';
import { OutboxDispatchHandler, OutboxSweepHandler } from './processors/outbox.processor';
import { DocumentsProcessor, MaintenanceProcessor, NotificationsProcessor } from './processors/queue-processors';

export const OUTBOX_SWEEP_EVERY_MS = 10_000;
export const NOTIFICATIONS_SWEEP_EVERY_MS = 30_000;
export const REMINDERS_EVERY_MS = 15 * 60_000;

@Injectable()
export class WorkerSchedules implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    // Job schedulers are idempotent upserts: every worker instance may declare them.
    await this.jobs
      .queue(QUEUES.maintenance)
      .upsertJobScheduler('outbox-sweep', { every: OUTBOX_SWEEP_EVERY_MS }, { name: 'outbox.sweep', data: {} });
    await this.jobs
      .queue(QUEUES.maintenance)
      .upsertJobScheduler('notifications-sweep', { every: NOTIFICATIONS_SWEEP_EVERY_MS }, { name: 'notifications.sweep', data: {} });
    await this.jobs
      .queue(QUEUES.maintenance)
      .upsertJobScheduler('notifications-reminders', { every: REMINDERS_EVERY_MS }, { name: 'notifications.reminders', data: {} });
    await this.jobs
      .queue(QUEUES.maintenance)
      .upsertJobScheduler('certificates-sweep', { every: CERTIFICATES_SWEEP_EVERY_MS }, { name: 'certificates.sweep', data: {} });
  }
}

/** The worker has no HTTP auth, but the accounts service it mints mail tokens with records audit rows (through the domain's AUDIT_LOG). */
@Global()
@Module({ providers: [AuditRecorder], exports: [AuditRecorder] })
export class WorkerAuditModule {}

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
        AuditLogModule,
        WorkerAuditModule,
        NotificationsModule,
        CertificatesModule,
        MetricsModule,
      ],
      providers: [
        JobHandlerRegistry,
        NotificationsProcessor,
        MaintenanceProcessor,
        DocumentsProcessor,
        OutboxDispatchHandler,
        CertificatesRenderHandler,
        CertificatesSweepHandler,
        OutboxSweepHandler,
        NotificationSendHandler,
        NotificationSendBatchHandler,
        NotificationsSweepHandler,
        NotificationRemindersHandler,
        WorkerSchedules,
        WorkerMetricsServer,
      ],
    };
  }
}
