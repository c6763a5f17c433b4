// The columns every translation of content has, whatever it translates (a practice's title and
// description, a report's summary, a category's description, an award's citation, a follow-up's
// note): its language, who provided it and when, and whether the original changed since.
import { Column, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../accounts/user.entity';

export abstract class TranslationProvenance {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** An ISO 639-1 (or -3) code: pl, en, uk, and any language added later. */
  @Column({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ type: 'uuid', nullable: true })
  providedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'provided_by' })
  provider?: Relation<User>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  providedAt!: Date;

  /** The original changed after this translation was provided. */
  @Column({ type: 'boolean', default: false })
  outdated!: boolean;
}
