// The optional recorded vote on an award: the coordinator opens it, each juror not conflicted with
// the award records for, against or abstain (changeable while it is open), the coordinator closes it.
// The result stays with the award and goes into the jury's protocol.
import { Check, Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Award } from '../awards/award.entity';

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

@Entity('award_vote_round')
export class AwardVoteRound {
  @PrimaryColumn({ type: 'uuid' })
  awardId!: string;

  @OneToOne(() => Award, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'award_id' })
  award?: Relation<Award>;

  @Column({ type: 'uuid' })
  openedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by' })
  opener?: Relation<User>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  closedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'closed_by' })
  closer?: Relation<User>;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}

@Entity('award_vote')
@Check('award_vote_choice', `choice IN ('for', 'against', 'abstain')`)
export class AwardVote {
  @PrimaryColumn({ type: 'uuid' })
  awardId!: string;

  @ManyToOne(() => AwardVoteRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'award_id' })
  round?: Relation<AwardVoteRound>;

  @PrimaryColumn({ type: 'uuid' })
  jurorId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juror_id' })
  juror?: Relation<User>;

  @Column({ type: 'varchar', length: 10 })
  choice!: VoteChoice;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
