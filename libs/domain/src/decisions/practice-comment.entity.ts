// The deliberation's thread per practice: comments of the jurors and the coordinator, written while
// the edition is in stage deliberation, read-only once it is decided.
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Practice } from '../reports/report.entity';

/** The longest comment body, in characters (the DTO and the table agree). */
export const COMMENT_MAX_LENGTH = 4000;

@Entity('practice_comment')
@Index('practice_comment_practice_idx', ['practiceId', 'createdAt'])
@Check('practice_comment_body_length', `char_length(body) BETWEEN 1 AND 4000`)
export class PracticeComment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  practiceId!: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id' })
  practice?: Relation<Practice>;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<User>;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Set when its author changed the body. */
  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;
}
