// A report's summary in another language than the one its expert wrote it in.
import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { TranslationProvenance } from '../common/translation-provenance';
import { Report } from './report.entity';

@Entity('report_translation')
@Unique('report_translation_language_unique', ['reportId', 'language'])
export class ReportTranslation extends TranslationProvenance {
  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<Report>;

  @Column({ type: 'text' })
  summary!: string;
}
