// A person with an account. Emails are stored lower-cased and unique; the hash is argon2id.
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

@Entity('app_user')
@Unique('app_user_email_unique', ['email'])
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 8, default: 'pl' })
  locale!: string;

  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'enum', enum: USER_STATUSES, enumName: 'user_status', default: 'invited' })
  status!: UserStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** When the person was erased on request (name and e-mail replaced by a pseudonym). */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;
}
