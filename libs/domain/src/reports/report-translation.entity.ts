// A report's summary in another language than the one its expert wrote it in: who provided it and
// when, and whether the original summary changed since (outdated).
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Report } from './report.entity';

@Entity('report_translation')
@Unique('report_translation_language_unique', ['reportId', 'language'])
export class ReportTranslation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<Report>;

  @Column({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'uuid', nullable: true })
  providedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'provided_by' })
  provider?: Relation<User>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  providedAt!: Date;

  /** The original summary changed after this translation was provided. */
  @Column({ type: 'boolean', default: false })
  outdated!: boolean;
}
