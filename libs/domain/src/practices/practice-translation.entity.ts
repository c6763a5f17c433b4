// A practice's title and description in another language than the one its expert wrote it in: who
// provided it and when, and whether the original changed since (outdated).
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Practice } from '../reports/report.entity';

@Entity('practice_translation')
@Unique('practice_translation_language_unique', ['practiceId', 'language'])
export class PracticeTranslation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Relation<Practice>;

  /** An ISO 639-1 (or -3) code: pl, en, uk, and any language added later. */
  @Column({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'uuid', nullable: true })
  providedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'provided_by' })
  provider?: Relation<User>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  providedAt!: Date;

  /** The original's title or description changed after this translation was provided. */
  @Column({ type: 'boolean', default: false })
  outdated!: boolean;
}
