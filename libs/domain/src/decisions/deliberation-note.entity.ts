// Notes of the jury's deliberation, recorded with author and time.
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Award } from '../awards/award.entity';
import { Edition } from '../editions/edition.entity';
import { Practice } from '../reports/report.entity';

@Entity('deliberation_note')
@Index('deliberation_note_edition_idx', ['editionId', 'createdAt'])
@Check('deliberation_note_one_link', `practice_id IS NULL OR award_id IS NULL`)
export class DeliberationNote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<User>;

  @Column({ type: 'text' })
  text!: string;

  /** The practice the note is about, if any (a note links to a practice or an award, not both). */
  @Column({ type: 'uuid', nullable: true })
  practiceId!: string | null;

  @ManyToOne(() => Practice, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Relation<Practice>;

  /** The award the note led to or is about, if any. */
  @Column({ type: 'uuid', nullable: true })
  awardId!: string | null;

  @ManyToOne(() => Award, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'award_id' })
  award?: Relation<Award>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
