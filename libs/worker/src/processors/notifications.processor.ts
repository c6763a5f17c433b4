// Notification jobs: sending one delivery or a batch of them, the sweep that re-queues sends whose job was lost, and
// the reminder schedule.
import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobPayloads } from '@app/core';
import { BatchOutcome, NotificationSender, NotificationsService, SendOutcome } from '@app/domain';

@Injectable()
@HandlesJob('notification.send')
export class NotificationSendHandler implements JobHandler<'notification.send'> {
  constructor(private readonly sender: NotificationSender) {}

  /** Throws when the attempt should be retried (the job's exponential backoff spaces the retries). */
  async handle({ deliveryId }: JobPayloads['notification.send']): Promise<{ outcome: SendOutcome }> {
    return { outcome: await this.sender.send(deliveryId) };
  }
}

@Injectable()
@HandlesJob('notification.sendBatch')
export class NotificationSendBatchHandler implements JobHandler<'notification.sendBatch'> {
  constructor(private readonly sender: NotificationSender) {}

  /** Throws while a delivery of the batch waits for another attempt; what was sent is not claimed again. */
  handle({ deliveryIds }: JobPayloads['notification.sendBatch']): Promise<BatchOutcome> {
    return this.sender.sendBatch(deliveryIds);
  }
}

@Injectable()
@HandlesJob('notifications.sweep')
export class NotificationsSweepHandler implements JobHandler<'notifications.sweep'> {
  constructor(private readonly notifications: NotificationsService) {}

  async handle(): Promise<{ requeued: number }> {
    return { requeued: await this.notifications.rescueStuck() };
  }
}

@Injectable()
@HandlesJob('notifications.reminders')
export class NotificationRemindersHandler implements JobHandler<'notifications.reminders'> {
  constructor(private readonly notifications: NotificationsService) {}

  async handle(): Promise<{ reminders: number }> {
    return { reminders: await this.notifications.issueReminders() };
  }
}
