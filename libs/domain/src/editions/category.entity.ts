// A category of practices; categories belong to an edition (2014's differ from 2015's).
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Edition } from './edition.entity';

/** The category's name in other languages, keyed by locale: { en: "...", uk: "..." }. */
export type CategoryTranslations = Record<string, string>;

@Entity('category')
@Index('category_edition_name_unique', ['editionId', 'name'], { unique: true })
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** The language the description was written in; other languages are translations (category_description_translation). */
  @Column({ type: 'varchar', length: 8, default: 'pl' })
  originalLanguage!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  translations!: CategoryTranslations;

  @Column({ type: 'smallint', default: 0 })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
