// A side effect waiting to leave the database: written in the same transaction as the change it
// reports, moved onto the queue after commit by the relay.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxEventType } from './outbox-events';

@Entity('outbox_event')
@Index('outbox_event_unenqueued_idx', ['createdAt'], { where: 'enqueued_at IS NULL' })
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: OutboxEventType;

  /** Ids only; the worker reloads everything else at send time. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
