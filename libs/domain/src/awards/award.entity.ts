// A distinction (wyróżnienie) decided by the jury: to a city, often to a named unit of it, in one
// or more categories, covering one or more of that city's eligible practices.
import { Column, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { City } from '../cities/city.entity';
import { Category } from '../editions/category.entity';
import { Edition } from '../editions/edition.entity';
import { Practice } from '../reports/report.entity';

@Entity('award')
@Index('award_edition_idx', ['editionId'])
// Positions order the distinctions of an edition; concurrent creations must never share one.
@Index('award_edition_position_unique', ['editionId', 'position'], { unique: true })
export class Award {
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

  /** E.g. "Miejski Ośrodek Pomocy Rodzinie w Lublinie"; none when the city itself is distinguished. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  recipientUnit!: string | null;

  @Column({ type: 'text', nullable: true })
  citation!: string | null;

  /** The language the citation was written in; other languages are translations (award_citation_translation). */
  @Column({ type: 'varchar', length: 8, default: 'pl' })
  originalLanguage!: string;

  /** Who received the distinction at the ceremony, as the sources say (e.g. on the president's behalf). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  receivedBy!: string | null;

  @Column({ type: 'smallint', default: 0 })
  position!: number;

  @ManyToMany(() => Category)
  @JoinTable({
    name: 'award_category',
    joinColumn: { name: 'award_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'category_id', referencedColumnName: 'id' },
  })
  categories?: Relation<Category[]>;

  @ManyToMany(() => Practice)
  @JoinTable({
    name: 'award_practice',
    joinColumn: { name: 'award_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'practice_id', referencedColumnName: 'id' },
  })
  practices?: Relation<Practice[]>;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
