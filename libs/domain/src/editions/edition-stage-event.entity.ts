// History of an edition's stage moves: who moved it, from where to where, when.
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { EDITION_STAGES, EditionStage } from './edition-stage';
import { Edition } from './edition.entity';

@Entity('edition_stage_event')
@Index('edition_stage_event_edition_idx', ['editionId', 'at'])
export class EditionStageEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'enum', enum: EDITION_STAGES, enumName: 'edition_stage' })
  fromStage!: EditionStage;

  @Column({ type: 'enum', enum: EDITION_STAGES, enumName: 'edition_stage' })
  toStage!: EditionStage;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** Why the coordinator stepped the edition back (null for a move forward). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
