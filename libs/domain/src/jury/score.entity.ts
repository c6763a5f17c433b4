// The jury stage: one score per juror × practice on the four criteria, and declared conflicts of
// interest (a juror recused from a practice; never withdrawn).
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Edition } from '../editions/edition.entity';
import { Practice } from '../reports/report.entity';

@Entity('score')
@Unique('score_juror_practice_unique', ['jurorId', 'practiceId'])
@Index('score_edition_idx', ['editionId', 'practiceId'])
@Check('score_values_range', `comprehensiveness BETWEEN 1 AND 10 AND long_term BETWEEN 1 AND 10
  AND government_engagement BETWEEN 1 AND 10 AND effectiveness BETWEEN 1 AND 10`)
export class Score {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Relation<Practice>;

  @Column({ type: 'uuid' })
  jurorId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juror_id' })
  juror?: Relation<User>;

  @Column({ type: 'smallint' })
  comprehensiveness!: number;

  @Column({ type: 'smallint' })
  longTerm!: number;

  @Column({ type: 'smallint' })
  governmentEngagement!: number;

  @Column({ type: 'smallint' })
  effectiveness!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('conflict_of_interest')
@Unique('conflict_of_interest_juror_practice_unique', ['jurorId', 'practiceId'])
@Index('conflict_of_interest_edition_idx', ['editionId'])
export class ConflictOfInterest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Relation<Practice>;

  @Column({ type: 'uuid' })
  jurorId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juror_id' })
  juror?: Relation<User>;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  declaredAt!: Date;
}
