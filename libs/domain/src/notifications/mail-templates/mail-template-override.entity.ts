// A coordinator's own text of an automatic mail for one edition and language: the subject and the
// body with merge fields. Without a row the built-in template (templates/<locale>.ts) is sent.
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Edition } from '../../editions/edition.entity';

@Entity('mail_template_override')
export class MailTemplateOverride {
  @PrimaryColumn({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  /** A key of EDITABLE_TEMPLATE_KEYS. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  template!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  locale!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
