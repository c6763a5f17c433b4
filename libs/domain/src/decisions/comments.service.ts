// The deliberation's thread per practice: who may read and write it is decided by the access rules
// (practice.deliberation.*, practiceComment.edit: jurors from deliberation on, never on a practice
// they are conflicted with); here, when: comments change only in stage deliberation, so the thread
// is read-only once the edition is decided. Each write holds the edition's row in share mode, so
// finalising (FOR UPDATE) waits for it and then sees it.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, ForbiddenError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { CommentsRepository, ThreadPracticeRow } from './comments.repository';
import { DeliberationRepository } from './deliberation.repository';
import { PracticeCommentView, PracticeThreadView } from './dto/deliberation.dto';
import { conflictViewer } from '../jury/conflicts.access';

@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditRecorder,
    private readonly comments: CommentsRepository,
    private readonly deliberation: DeliberationRepository,
  ) {}

  async thread(principal: Principal, practiceId: string): Promise<PracticeThreadView> {
    const manager = this.dataSource.manager;
    const practice = await this.comments.practice(manager, practiceId);
    if (!practice) throw new NotFoundError('Practice');
    const [comments, notes] = await Promise.all([
      this.comments.comments(manager, practiceId),
      this.deliberation.notes(manager, practice.editionId, conflictViewer(principal), { practiceId }),
    ]);
    return {
      practiceId,
      practiceTitle: practice.practiceTitle,
      cityName: practice.cityName,
      writable: practice.stage === 'deliberation',
      comments,
      notes,
    };
  }

  async add(principal: Principal, practiceId: string, body: string): Promise<PracticeCommentView> {
    return this.uow.run(async ({ manager }) => {
      const practice = await this.openThread(manager, practiceId);
      const id = await this.comments.insert(manager, practiceId, principal.userId, body.trim());
      await this.record(manager, principal, 'practice.comment.add', id, practice);
      return this.commentIn(manager, id);
    });
  }

  async edit(principal: Principal, commentId: string, body: string): Promise<PracticeCommentView> {
    return this.uow.run(async ({ manager }) => {
      const practice = await this.openThreadOf(manager, commentId);
      if (!(await this.comments.update(manager, commentId, principal.userId, body.trim()))) throw new ForbiddenError('Only its author may change a comment');
      await this.record(manager, principal, 'practice.comment.edit', commentId, practice);
      return this.commentIn(manager, commentId);
    });
  }

  async remove(principal: Principal, commentId: string): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      const practice = await this.openThreadOf(manager, commentId);
      if (!(await this.comments.delete(manager, commentId, principal.userId))) throw new ForbiddenError('Only its author may remove a comment');
      await this.record(manager, principal, 'practice.comment.delete', commentId, practice);
    });
  }

  /** The practice, its edition held in share mode; refused (409 wrong_stage) outside stage deliberation. */
  private async openThread(manager: EntityManager, practiceId: string): Promise<ThreadPracticeRow> {
    const practice = await this.comments.practice(manager, practiceId, true);
    if (!practice) throw new NotFoundError('Practice');
    if (practice.stage !== 'deliberation') {
      const message = `The deliberation thread takes comments only in stage deliberation (the edition is in ${practice.stage})`;
      throw new ConflictError('wrong_stage', message, { stage: practice.stage });
    }
    return practice;
  }

  private async openThreadOf(manager: EntityManager, commentId: string): Promise<ThreadPracticeRow> {
    const head = await this.comments.commentHead(manager, commentId);
    if (!head) throw new NotFoundError('Comment');
    return this.openThread(manager, head.practiceId);
  }

  private async commentIn(manager: EntityManager, commentId: string): Promise<PracticeCommentView> {
    const comment = await this.comments.find(manager, commentId);
    if (!comment) throw new NotFoundError('Comment');
    return comment;
  }

  private record(manager: EntityManager, principal: Principal, action: string, commentId: string, practice: ThreadPracticeRow): Promise<void> {
    return this.audit.record(
      { actorId: principal.userId, action, objectType: 'practiceComment', objectId: commentId, outcome: 'success', details: { editionId: practice.editionId, practiceId: practice.practiceId } },
      manager,
    );
  }
}
