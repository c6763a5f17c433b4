// The expert stage: one report per city per edition, its practices, evidence files and follow-ups
// of the previous edition's distinctions. Submitting freezes the report.
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { City } from '../cities/city.entity';
import { Category } from '../editions/category.entity';
import { Edition } from '../editions/edition.entity';

export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

@Entity('report')
@Unique('report_edition_city_unique', ['editionId', 'cityId'])
// A city's reports across editions (its status page, an official's view): the unique index leads with the edition.
@Index('report_city_idx', ['cityId'])
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'uuid' })
  cityId!: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<City>;

  @Column({ type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', default: 'draft' })
  status!: ReportStatus;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** The language the expert wrote the summary in; other languages are translations (report_translation). */
  @Column({ type: 'varchar', length: 8, default: 'pl' })
  originalLanguage!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  /** Why a coordinator last reopened the submitted report for a correction (shown to the expert). */
  @Column({ type: 'text', nullable: true })
  reopenReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reopenedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

// The statuses and their moves live with the practice's status machine.
import { PRACTICE_STATUSES, PracticeStatus } from '../practices/practice-status';
export { PRACTICE_STATUSES };
export type { PracticeStatus };

@Entity('practice')
@Index('practice_report_idx', ['reportId'])
@Index('practice_search_idx', { synchronize: false })
@Check('practice_ineligible_has_reason', `status <> 'ineligible' OR eligibility_reason IS NOT NULL`)
export class Practice {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<Report>;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  /** The language the expert wrote the title and description in; other languages are translations (practice_translation). */
  @Column({ type: 'varchar', length: 8, default: 'pl' })
  originalLanguage!: string;

  /** Units of the city government that carry the practice (e.g. "Miejski Ośrodek Pomocy Rodzinie"). */
  @Column({ type: 'varchar', length: 300, array: true, default: () => `'{}'` })
  recipientUnits!: string[];

  @Column({ type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ type: 'varchar', length: 2000, array: true, default: () => `'{}'` })
  links!: string[];

  @Column({ type: 'enum', enum: PRACTICE_STATUSES, enumName: 'practice_status', default: 'draft' })
  status!: PracticeStatus;

  @Column({ type: 'text', nullable: true })
  eligibilityReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  eligibilityDecidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  eligibilityDecidedBy!: string | null;

  @Column({ type: 'smallint', default: 0 })
  position!: number;

  /**
   * Full-text document of a published practice (title, description, city, units), folded with the
   * oc_simple configuration (unaccent: "Lodz" finds "Łódź"); written at publication, GIN-indexed.
   */
  @Column({ type: 'tsvector', nullable: true, select: false })
  searchVector!: string | null;

  @ManyToMany(() => Category)
  @JoinTable({
    name: 'practice_category',
    joinColumn: { name: 'practice_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'category_id', referencedColumnName: 'id' },
  })
  categories?: Relation<Category[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Evidence attached to a report: stored under DATA_DIR with a server-generated name. */
@Entity('report_file')
@Index('report_file_report_idx', ['reportId'])
export class ReportFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<Report>;

  /** The uploader's file name, cleaned, for display and downloads only (never a path). */
  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  @Column({ type: 'varchar', length: 120 })
  contentType!: string;

  @Column({ type: 'bigint' })
  size!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const FOLLOW_UP_STATUSES = ['implemented', 'continued', 'expanded', 'discontinued', 'unknown'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** The expert's assessment of how a previous edition's distinction in the same city was carried out. */
@Entity('follow_up')
@Unique('follow_up_report_award_unique', ['reportId', 'awardId'])
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<Report>;

  @Column({ type: 'uuid' })
  awardId!: string;

  @ManyToOne('Award', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_id' })
  award?: unknown;

  @Column({ type: 'enum', enum: FOLLOW_UP_STATUSES, enumName: 'follow_up_status' })
  status!: FollowUpStatus;

  @Column({ type: 'text' })
  assessment!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * What became of one practice of a distinction that covered several: the follow-up's own status
 * stays as the whole distinction's (read by older clients), each practice's here.
 */
@Entity('follow_up_practice')
@Index('follow_up_practice_practice_idx', ['practiceId'])
export class FollowUpPractice {
  @PrimaryColumn({ type: 'uuid' })
  followUpId!: string;

  @ManyToOne(() => FollowUp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follow_up_id' })
  followUp?: Relation<FollowUp>;

  @PrimaryColumn({ type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Relation<Practice>;

  @Column({ type: 'enum', enum: FOLLOW_UP_STATUSES, enumName: 'follow_up_status' })
  status!: FollowUpStatus;
}
