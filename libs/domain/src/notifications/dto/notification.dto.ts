// Response shapes of the notification routes.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from '../notification-delivery.entity';

export class NotificationRecipientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The outbox event that caused it' }) eventId!: string;
  @ApiProperty({ example: 'scoringOpen' }) template!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ description: 'Send attempts so far' }) attempts!: number;
  @ApiProperty({ description: 'Attempts before the delivery is marked failed' }) maxAttempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: NotificationRecipientDto }) recipient!: NotificationRecipientDto;
  @ApiProperty({ type: String, nullable: true, description: 'As sent' }) subject!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The language it was written in' }) locale!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "On a sent delivery, the SMTP server's acceptance (its 250 reply, with the queue id), or where the local sink stored it",
  })
  receipt!: string | null;
  @ApiProperty({ example: '<2f1c9a4e-0d7b-4e1a-9f0e-5b8d6c3a7e21@open-cities.local>', description: 'The Message-ID header, the same on every copy sent' })
  messageId!: string;
  @ApiProperty({
    description:
      'Attempts that may have handed the mail to the server (an attempt the server refused, or that never reached it, does not count). More than 1: the first hand-over was not confirmed and the mail was sent again',
  })
  handoverCount!: number;
  @ApiProperty({
    description: 'Sent, but not confirmed the first time (the worker stopped before the receipt) and therefore sent again: the recipient may hold two copies with the same Message-ID',
  })
  resent!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Local sink only: the .eml file under DATA_DIR' }) file!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) sentAt!: Date | null;
}

export class MyNotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'scoringOpen' }) template!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ example: 'pl' }) locale!: string;
  @ApiProperty() sentAt!: Date;
}

export class NotificationStatusFilter {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;
}
