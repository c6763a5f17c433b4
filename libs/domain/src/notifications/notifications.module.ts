// Notifications: the fan-out registry, deliveries, templates and the mail transports.
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { GroupMailsRepository } from './group-mails/group-mails.repository';
import { GroupMailsService } from './group-mails/group-mails.service';
import { MailTemplatesRepository } from './mail-templates/mail-templates.repository';
import { MailTemplatesService } from './mail-templates/mail-templates.service';
import { OverrideCache } from './mail-templates/override-cache';
import { NotificationSender } from './notification-sender';
import { NotificationsService } from './notifications.service';
import { NotificationsRepository } from './notifications.repository';

@Module({
  imports: [AccountsModule],
  providers: [NotificationsService, NotificationSender, NotificationsRepository, GroupMailsService, GroupMailsRepository, MailTemplatesRepository, MailTemplatesService, OverrideCache],
  exports: [NotificationsService, NotificationSender, GroupMailsService, MailTemplatesService],
})
export class NotificationsModule {}
