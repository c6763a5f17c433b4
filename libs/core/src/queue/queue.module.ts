// Registers BullMQ (through @nestjs/bullmq) with the configured backend and every queue of the registry.
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobQueue } from './job-queue.service';
import { configureQueueBackend } from './queue-connection';
import { QUEUES } from './queue.registry';

@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => configureQueueBackend(config) }),
        BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
      ],
      providers: [JobQueue],
      exports: [JobQueue, BullModule],
    };
  }
}
