// A coordinator's message to a group of one edition (issue 19): the filter that chose the group,
// the versions as written (merge fields unfilled), and the recipients as they were when it was
// sent. Its mails are ordinary deliveries (template `groupMail`) of the outbox event it wrote.
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../../accounts/user.entity';
import { City } from '../../cities/city.entity';
import { Edition } from '../../editions/edition.entity';

/** One version of the message: for every recipient (language null) or for readers of one language. */
export interface GroupMailVersion {
  language: 'pl' | 'en' | 'uk' | null;
  subject: string;
  body: string;
}

export interface GroupMailFilter {
  role: 'expert' | 'juror' | 'cityOfficial';
  cityId: string | null;
  progress: 'reportNotStarted' | 'reportNotSubmitted' | 'ballotIncomplete' | null;
}

@Entity('group_mail')
@Index('group_mail_edition_idx', ['editionId', 'createdAt'])
export class GroupMail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Relation<Edition>;

  /** The coordinator who sent it (null once their account is erased). */
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  author?: Relation<User>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'jsonb' })
  filter!: GroupMailFilter;

  @Column({ type: 'jsonb' })
  versions!: GroupMailVersion[];

  @Column({ type: 'int' })
  recipientCount!: number;

  /** The outbox event its deliveries belong to. */
  @Column({ type: 'uuid', nullable: true })
  eventId!: string | null;
}

/** Who a group mail was addressed to, as what, and the city it concerned for them. */
@Entity('group_mail_recipient')
export class GroupMailRecipient {
  @PrimaryColumn({ type: 'uuid' })
  groupMailId!: string;

  @ManyToOne(() => GroupMail, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_mail_id' })
  groupMail?: Relation<GroupMail>;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  role!: GroupMailFilter['role'];

  @Column({ type: 'uuid', nullable: true })
  cityId!: string | null;

  @ManyToOne(() => City, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<City>;
}
