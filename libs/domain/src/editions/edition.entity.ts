// One yearly edition of the awards, with its stage, deadlines, ceremony and scoring settings.
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { EDITION_STAGES, EditionStage } from './edition-stage';

export interface CriteriaWeights {
  comprehensiveness: number;
  longTerm: number;
  governmentEngagement: number;
  effectiveness: number;
}

export const EQUAL_WEIGHTS: CriteriaWeights = { comprehensiveness: 1, longTerm: 1, governmentEngagement: 1, effectiveness: 1 };

@Entity('edition')
@Unique('edition_year_unique', ['year'])
export class Edition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'enum', enum: EDITION_STAGES, enumName: 'edition_stage', default: 'draft' })
  stage!: EditionStage;

  @Column({ type: 'timestamptz', nullable: true })
  reportsDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  scoringDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  ceremonyStartsAt!: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  ceremonyVenue!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  ceremonyCity!: string | null;

  /** The event the distinctions were given at (a forum), with its period as the sources word it. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  occasion!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  occasionPeriod!: string | null;

  /** Who organised the award and its ceremony, as a reader sees it. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  organisers!: string | null;

  @Column({ type: 'smallint', default: 5 })
  scoringScaleMax!: number;

  // Written as PostgreSQL prints a jsonb default (keys by length), so the drift check sees no change.
  @Column({ type: 'jsonb', default: () => `'{"longTerm": 1, "effectiveness": 1, "comprehensiveness": 1, "governmentEngagement": 1}'` })
  scoringWeights!: CriteriaWeights;

  @Column({ type: 'smallint', default: 3 })
  reportsReminderDays!: number;

  @Column({ type: 'smallint', default: 1 })
  scoringReminderDays!: number;

  /**
   * Counts changes of the edition's mail template overrides: a sender reads it with the mail's
   * edition (no statement of its own) and reloads its cached overrides only when it moved.
   */
  @Column({ type: 'int', default: 0 })
  mailTemplatesRevision!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
