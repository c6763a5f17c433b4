// A client's Idempotency-Key on a create route, per principal, with the first answer it got: a
// retried request with the same key and body gets that answer again instead of creating twice.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('idempotency_key')
@Index('idempotency_key_expires_idx', ['expiresAt'])
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' })
  principalId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  /** sha256 of the method, the path and the body (keys sorted): another request under the same key is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  /** Null while the first request is still being answered. */
  @Column({ type: 'smallint', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
