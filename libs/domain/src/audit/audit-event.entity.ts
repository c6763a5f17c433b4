// Append-only record of security-relevant events (a trigger refuses UPDATE and DELETE).
// Never holds secrets or tokens.
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

@Entity('audit_event')
@Index('audit_event_at_idx', ['at'])
@Index('audit_event_actor_idx', ['actorId'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  objectType!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  objectId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'enum', enum: AUDIT_OUTCOMES, enumName: 'audit_outcome' })
  outcome!: AuditOutcome;

  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
