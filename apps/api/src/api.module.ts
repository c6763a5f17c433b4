// The HTTP application: controllers over the shared libs.
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import {
  AppConfig,
  ConfigModule,
  createValidationPipe,
  DatabaseModule,
  HttpExceptionFilter,
  LoggingModule,
  QueueModule,
} from '@app/core';
import { ALL_ENTITIES } from '@app/domain';
import { HealthController } from './http/health.controller';

@Module({})
export class ApiModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(),
        DatabaseModule.forRoot(ALL_ENTITIES),
        QueueModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
