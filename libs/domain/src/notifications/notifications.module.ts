// Notifications: the fan-out registry, deliveries, templates and the mail transports.
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { GroupMailsRepository } from './group-mails/group-mails.repository';
import { GroupMailsService } from './group-mails/group-mails.service';
import { NotificationSender } from './notification-sender';
import { NotificationsService } from './notifications.service';
import { NotificationsRepository } from './notifications.repository';

@Module({
  imports: [AccountsModule],
  providers: [NotificationsService, NotificationSender, NotificationsRepository, GroupMailsService, GroupMailsRepository],
  exports: [NotificationsService, NotificationSender, GroupMailsService],
})
export class NotificationsModule {}
