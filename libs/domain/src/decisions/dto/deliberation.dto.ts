// Request and response shapes of the deliberation per practice: the thread of comments, notes
// linked to a practice or an award, and the recorded vote on an award.
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn } from 'class-validator';
import { RequiredText } from '@app/core';
import { VOTE_CHOICES, VoteChoice } from '../award-vote.entity';
import { COMMENT_MAX_LENGTH } from '../practice-comment.entity';
import { DeliberationNoteView } from './decisions.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CommentBodyDto {
  @ApiProperty({ maxLength: COMMENT_MAX_LENGTH })
  @Transform(trim)
  @RequiredText(COMMENT_MAX_LENGTH)
  body!: string;
}

export class PracticeCommentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ enum: ['coordinator', 'juror'], description: 'Whether the author wrote as the coordinator or as a juror' }) authorRole!: 'coordinator' | 'juror';
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When its author last changed it' }) editedAt!: Date | null;
}

/** A practice's deliberation: its comments (oldest first) and the notes linked to it. */
export class PracticeThreadView {
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty() practiceTitle!: string;
  @ApiProperty() cityName!: string;
  @ApiProperty({ description: 'Comments may be added, changed and removed (stage deliberation); read-only once decided' }) writable!: boolean;
  @ApiProperty({ type: [PracticeCommentView] }) comments!: PracticeCommentView[];
  @ApiProperty({ type: [DeliberationNoteView], description: 'Deliberation notes linked to this practice' }) notes!: DeliberationNoteView[];
}

export class VoteRoundActionDto {
  @ApiProperty({ enum: ['open', 'close'], description: 'Open the vote on the award, or close it (its result is then kept)' })
  @IsIn(['open', 'close'], { message: 'must be open or close' })
  action!: 'open' | 'close';
}

export class CastVoteDto {
  @ApiProperty({ enum: VOTE_CHOICES })
  @IsIn(VOTE_CHOICES, { message: 'must be for, against or abstain' })
  choice!: VoteChoice;
}

export class VoteCounts {
  @ApiProperty() for!: number;
  @ApiProperty() against!: number;
  @ApiProperty() abstain!: number;
}

export class VoteEntry {
  @ApiProperty({ format: 'uuid' }) jurorId!: string;
  @ApiProperty() jurorName!: string;
  @ApiProperty({ enum: VOTE_CHOICES }) choice!: VoteChoice;
}

export const VOTE_STATUSES = ['none', 'open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/**
 * The vote on an award. Jurors see their own choice and how many have voted while it is open, and
 * the counts and who voted what once it is closed (or the edition decided); coordinators see all.
 */
export class AwardVoteView {
  @ApiProperty({ format: 'uuid' }) awardId!: string;
  @ApiProperty({ enum: VOTE_STATUSES, description: 'none: no vote opened; open: jurors may vote; closed: the result is kept' }) status!: VoteStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: Date | null;
  @ApiProperty({ description: 'Whether votes may be recorded now (open, stage deliberation)' }) accepting!: boolean;
  @ApiProperty({ description: 'How many jurors have voted' }) cast!: number;
  @ApiProperty({ description: 'Jurors of the edition not conflicted with the award' }) eligible!: number;
  @ApiProperty({ enum: VOTE_CHOICES, nullable: true, description: 'The caller’s own choice (jurors)' }) mine!: VoteChoice | null;
  @ApiProperty({ type: VoteCounts, nullable: true, description: 'Hidden from jurors until the vote is closed' }) counts!: VoteCounts | null;
  @ApiProperty({ type: [VoteEntry], nullable: true, description: 'Who voted what; hidden from jurors until the vote is closed' }) votes!: VoteEntry[] | null;
}
