// The HTTP application: controllers over the shared libs.
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import {
  AppConfig,
  ConfigModule,
  createValidationPipe,
  DatabaseModule,
  AuthModule,
  HttpExceptionFilter,
  LoggingModule,
  QueueModule,
  ThrottlingModule,
} from '@app/core';
import {
  AccessModule,
  AccountsModule,
  PrivacyModule,
  ALL_ENTITIES,
  AuditLogModule,
  AuditModule,
  BulkModule,
  CatalogueModule,
  CertificatesModule,
  CitiesModule,
  DecisionsModule,
  EditionsModule,
  JuryModule,
  MetricsModule,
  NotificationsModule,
  PracticeTranslationsModule,
  PrincipalSourceModule,
  ProtocolModule,
  ReportsModule,
  TextTranslationsModule,
  TranslationItemsModule,
} from '@app/domain';
import { AuditController } from './http/audit.controller';
import { TextTranslationsController } from './http/text-translations.controller';
import { CategoryNamesController } from './http/category-names.controller';
import { BulkController } from './http/bulk.controller';
import { DocumentsController } from './http/documents.controller';
import { DecisionsController } from './http/decisions.controller';
import { OpenDataController } from './http/open-data.controller';
import { PublicController } from './http/public.controller';
import { JuryController } from './http/jury.controller';
import { PanelsController } from './http/panels.controller';
import { CitiesController } from './http/cities.controller';
import { CategoriesController, EditionsController } from './http/editions.controller';
import { ReportsController } from './http/reports.controller';
import { CorrectionsController } from './http/corrections.controller';
import { GroupMailsController } from './http/group-mails.controller';
import { DeliberationController } from './http/deliberation.controller';
import { MailTemplatesController } from './http/mail-templates.controller';
import { TranslationsController } from './http/translations.controller';
import { AuthController } from './http/auth.controller';
import { HealthController } from './http/health.controller';
import { MetricsController } from './http/metrics.controller';
import { NotificationsController } from './http/notifications.controller';
import { QueuesBoardAccess, QueuesBoardController } from './http/queues-board';
import { UsersController } from './http/users.controller';

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
        AuthModule,
        AccessModule,
        PrincipalSourceModule,
        AuditLogModule,
        ThrottlingModule,
        AccountsModule,
        CitiesModule,
        EditionsModule,
        ReportsModule,
        PracticeTranslationsModule,
        TextTranslationsModule,
        TranslationItemsModule,
        JuryModule,
        DecisionsModule,
        CertificatesModule,
        ProtocolModule,
        CatalogueModule,
        AuditModule,
        NotificationsModule,
        MetricsModule,
        PrivacyModule,
        BulkModule,
      ],
      controllers: [HealthController, MetricsController, AuthController, UsersController, EditionsController, CategoriesController, CitiesController, ReportsController, CorrectionsController, GroupMailsController, TranslationsController, TextTranslationsController, CategoryNamesController, JuryController, PanelsController, DecisionsController, DeliberationController, DocumentsController, PublicController, OpenDataController, AuditController, NotificationsController, MailTemplatesController, QueuesBoardController, BulkController],
      providers: [
        QueuesBoardAccess,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
