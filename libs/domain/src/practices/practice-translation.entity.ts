// A practice's title and description in another language than the one its expert wrote it in.
import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { TranslationProvenance } from '../common/translation-provenance';
import { Practice } from '../reports/report.entity';

@Entity('practice_translation')
@Unique('practice_translation_language_unique', ['practiceId', 'language'])
export class PracticeTranslation extends TranslationProvenance {
  @Column({ type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Relation<Practice>;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;
}
