// Optional assignment of an edition's practices to jurors (issue 19): panels of jurors, and which
// practice goes to which panel or juror. An edition without an assignment row keeps the default,
// where every juror scores every eligible practice outside their conflicts (panels.access.ts).
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Edition } from '../editions/edition.entity';
import { Practice } from '../reports/report.entity';

@Entity('jury_panel')
@Unique('jury_panel_edition_name_unique', ['editionId', 'name'])
export class JuryPanel {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('jury_panel_member')
@Index('jury_panel_member_juror_idx', ['jurorId'])
export class JuryPanelMember {
  @PrimaryColumn({ type: 'uuid' })
  panelId!: string;

  @ManyToOne(() => JuryPanel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panel_id' })
  panel?: Relation<JuryPanel>;

  @PrimaryColumn({ type: 'uuid' })
  jurorId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juror_id' })
  juror?: Relation<User>;
}

/** A practice given to one panel or to one juror (exactly one of the two). */
@Entity('practice_assignment')
@Index('practice_assignment_edition_idx', ['editionId'])
@Index('practice_assignment_practice_panel_unique', ['practiceId', 'panelId'], { unique: true })
@Index('practice_assignment_practice_juror_unique', ['practiceId', 'jurorId'], { unique: true })
@Check('practice_assignment_one_target', `(panel_id IS NULL) <> (juror_id IS NULL)`)
export class PracticeAssignment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  @Column({ type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Relation<Practice>;

  @Column({ type: 'uuid', nullable: true })
  panelId!: string | null;

  @ManyToOne(() => JuryPanel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panel_id' })
  panel?: Relation<JuryPanel>;

  @Column({ type: 'uuid', nullable: true })
  jurorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juror_id' })
  juror?: Relation<User>;
}
