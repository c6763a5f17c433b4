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
    description:
      "The SMTP server's acceptance, or where the local sink stored it. Null on a sent delivery: handed over, but the worker stopped before it read the server's reply",
  })
  receipt!: string | null;
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
