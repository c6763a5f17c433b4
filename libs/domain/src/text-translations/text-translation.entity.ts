// One text of another object in another language than its original: a category's description, an
// award's citation, a follow-up's note. Who provided it and when, and whether the original changed since.
import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { Award } from '../awards/award.entity';
import { Category } from '../editions/category.entity';
import { TranslationProvenance } from '../common/translation-provenance';
import { FollowUp } from '../reports/report.entity';

/** A translation whose text is one column; each table adds the object it translates. */
abstract class TextTranslation extends TranslationProvenance {
  @Column({ type: 'text' })
  text!: string;
}

@Entity('category_description_translation')
@Unique('category_description_translation_language_unique', ['subjectId', 'language'])
export class CategoryDescriptionTranslation extends TextTranslation {
  @Column({ type: 'uuid', name: 'category_id' })
  subjectId!: string;

  @ManyToOne(() => Category, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<Category>;
}

@Entity('award_citation_translation')
@Unique('award_citation_translation_language_unique', ['subjectId', 'language'])
export class AwardCitationTranslation extends TextTranslation {
  @Column({ type: 'uuid', name: 'award_id' })
  subjectId!: string;

  @ManyToOne(() => Award, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'award_id' })
  award?: Relation<Award>;
}

@Entity('follow_up_note_translation')
@Unique('follow_up_note_translation_language_unique', ['subjectId', 'language'])
export class FollowUpNoteTranslation extends TextTranslation {
  @Column({ type: 'uuid', name: 'follow_up_id' })
  subjectId!: string;

  @ManyToOne(() => FollowUp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follow_up_id' })
  followUp?: Relation<FollowUp>;
}
