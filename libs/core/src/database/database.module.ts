// The TypeORM connection for a Nest application, plus the unit of work and the outbox relay.
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixedList } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { OutboxRelay } from '../outbox/outbox.relay';
import { buildDataSourceOptions } from './data-source-options';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: MixedList<string | Function>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config.DATABASE_URL, entities),
            migrations: [],
          }),
        }),
      ],
      providers: [UnitOfWork, OutboxRelay],
      exports: [UnitOfWork, OutboxRelay],
    };
  }
}
