// One mail to one person about one event: the unit of at-least-once delivery. The unique
// (dedupe_key, user_id) pair makes a second row for the same (event, recipient) impossible, so a
// re-run fan-out or a retried job finds the existing row; a re-send after a crash carries the row's
// Message-ID, fixed when the row was created, so a receiver that deduplicates folds it.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../accounts/user.entity';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

@Entity('notification_delivery')
@Index('notification_delivery_once_unique', ['dedupeKey', 'userId'], { unique: true })
@Index('notification_delivery_user_idx', ['userId', 'createdAt'])
@Index('notification_delivery_event_idx', ['eventId'])
@Index('notification_delivery_status_idx', ['status', 'createdAt'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The outbox event that caused it (no foreign key: outbox rows may be pruned). */
  @Column({ type: 'uuid' })
  eventId!: string;

  /** What "the same notification" means: the outbox id and template, or a deadline for reminders. */
  @Column({ type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Ids the template's facts are loaded from at send time (edition, report, practice, deadline). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  context!: Record<string, string>;

  @Column({ type: 'enum', enum: DELIVERY_STATUSES, enumName: 'notification_status', default: 'pending' })
  status!: DeliveryStatus;

  /** Send attempts started (claims). */
  @Column({ type: 'smallint', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** The current attempt's claim; null once the attempt recorded its outcome (receipt or error). */
  @Column({ type: 'uuid', nullable: true })
  claimToken!: string | null;

  /** Until when the current claim keeps other workers from starting an attempt; after it, the delivery is sent again. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  /**
   * Fixed at creation: every copy of this mail carries the Message-ID `<message_id@MAIL_FROM's domain>`,
   * so a re-send is recognisably the same mail (and the local sink replaces its file).
   */
  @Column({ type: 'uuid', generated: 'uuid' })
  messageId!: string;

  /**
   * Attempts that may have handed the message to the server: every attempt counts, except one that
   * ended knowing it did not (the server refused, no connection). More than 1 on a sent delivery: it
   * was sent again after an unconfirmed hand-over, and the recipient may hold two copies.
   */
  @Column({ type: 'smallint', default: 0 })
  handoverCount!: number;

  /** As sent: the address, language and subject at send time. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  locale!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  subject!: string | null;

  /** The SMTP server's acceptance reply, or where the local sink stored the message. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  receipt!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
