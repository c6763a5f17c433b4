// A certificate of distinction: one PDF per award and language, named by a short public code that
// its verification page (/verify/:code) confirms. A correction revokes the code and issues a new one.
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Award } from '../awards/award.entity';
import { Edition } from '../editions/edition.entity';

export const CERTIFICATE_LANGUAGES = ['pl', 'en', 'uk'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

@Entity('certificate')
@Index('certificate_code_unique', ['code'], { unique: true })
// At most one certificate in force per award and language: rendering twice (a redelivered job) cannot issue two.
@Index('certificate_award_language_current', ['awardId', 'language'], { unique: true, where: 'revoked_at IS NULL' })
@Index('certificate_edition_idx', ['editionId'])
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The public code in the verification URL: 10 letters and digits, no look-alikes. */
  @Column({ type: 'varchar', length: 16 })
  code!: string;

  /** Kept after the award is removed (the row then only says "revoked"). */
  @Column({ type: 'uuid', nullable: true })
  awardId!: string | null;

  @ManyToOne(() => Award, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'award_id' })
  award?: Relation<Award>;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'varchar', length: 2 })
  language!: CertificateLanguage;

  /** Where the PDF is in the file store. */
  @Column({ type: 'varchar', length: 300 })
  storageKey!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** SHA-256 of what the certificate says: an unchanged award is not rendered again. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  revokedReason!: string | null;
}
