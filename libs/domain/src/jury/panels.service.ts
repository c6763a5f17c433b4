// Panels and practice assignment (optional per edition): the coordinator's panels of jurors, which
// practice goes to which panel or juror, and a balanced proposal. Each change runs in one
// transaction holding the edition row against score writes, only before scoring closes, and is
// refused when it would take a practice away from a juror who already scored it. Audited.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, ConflictError, InvalidInputError, NotFoundError, Principal, UnitOfWork } from '@app/core';
import { suggestJurors, suggestPanels, SuggestionPractice } from './assignment-suggestion';
import { AssignmentsView, JurorLoadView, PanelView, PutAssignmentsDto, SuggestionDto, SuggestionView } from './dto/panels.dto';
import { JuryRepository } from './jury.repository';
import { AssignmentTarget, PanelsRepository } from './panels.repository';

const DEFAULT_JURORS_PER_PRACTICE = 3;
const EDITABLE_STAGES = ['draft', 'reportsOpen', 'juryScoring'];

@Injectable()
export class PanelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditRecorder,
    private readonly panelsRepo: PanelsRepository,
    private readonly jury: JuryRepository,
  ) {}

  panels(editionId: string): Promise<PanelView[]> {
    return this.panelsRepo.panels(this.dataSource.manager, editionId);
  }

  createPanel(actor: Principal, editionId: string, rawName: string): Promise<PanelView> {
    const name = rawName.trim();
    return this.change(actor, editionId, 'jury.panel_created', async (manager) => {
      if (await this.panelsRepo.nameTaken(manager, editionId, name, null)) throw nameTaken(name);
      const id = await this.panelsRepo.insertPanel(manager, editionId, name);
      return { result: (await this.panelsRepo.panel(manager, editionId, id))!, details: { panelId: id, name } };
    });
  }

  renamePanel(actor: Principal, editionId: string, panelId: string, rawName: string): Promise<PanelView> {
    const name = rawName.trim();
    return this.change(actor, editionId, 'jury.panel_renamed', async (manager) => {
      if (await this.panelsRepo.nameTaken(manager, editionId, name, panelId)) throw nameTaken(name);
      if (!(await this.panelsRepo.renamePanel(manager, editionId, panelId, name))) throw new NotFoundError('Panel');
      return { result: (await this.panelsRepo.panel(manager, editionId, panelId))!, details: { panelId, name } };
    });
  }

  deletePanel(actor: Principal, editionId: string, panelId: string): Promise<void> {
    return this.change(actor, editionId, 'jury.panel_deleted', async (manager) => {
      const panel = await this.panelsRepo.panel(manager, editionId, panelId);
      if (!panel) throw new NotFoundError('Panel');
      const scores = await this.panelsRepo.panelScores(manager, panelId);
      if (scores > 0) throw hasScores(scores);
      await this.panelsRepo.deletePanel(manager, editionId, panelId);
      return { result: undefined, details: { panelId, name: panel.name } };
    });
  }

  setMembers(actor: Principal, editionId: string, panelId: string, jurorIds: string[]): Promise<PanelView> {
    const members = [...new Set(jurorIds)];
    return this.change(actor, editionId, 'jury.panel_members_set', async (manager) => {
      const panel = await this.panelsRepo.panel(manager, editionId, panelId);
      if (!panel) throw new NotFoundError('Panel');
      const strangers = await this.panelsRepo.notJurors(manager, editionId, members);
      if (strangers.length) throw new InvalidInputError('jurorIds', `are not jurors of this edition: ${strangers.join(', ')}`);
      await this.panelsRepo.replaceMembers(manager, panelId, members);
      return { result: (await this.panelsRepo.panel(manager, editionId, panelId))!, details: { panelId, before: panel.members.map((m) => m.jurorId), after: members } };
    });
  }

  async assignments(editionId: string): Promise<AssignmentsView> {
    const manager = this.dataSource.manager;
    const edition = await this.panelsRepo.edition(manager, editionId);
    if (!edition) throw new NotFoundError('Edition');
    const items = await this.panelsRepo.assignmentItems(manager, editionId);
    const progress = await this.jury.progress(manager, editionId);
    return {
      assigns: await this.panelsRepo.assigns(manager, editionId),
      editable: EDITABLE_STAGES.includes(edition.stage) && !edition.scoring_closed,
      items: items.map(({ beforeJury: _beforeJury, ...item }) => item),
      loads: progress.map((juror) => ({ jurorId: juror.jurorId, name: juror.name, practices: juror.total })),
    };
  }

  /**
   * Replaces the edition's whole assignment. Every practice, panel and juror must be the edition's
   * (400 naming the item), a juror is never given directly a practice they are conflicted with (409
   * assignment_conflicted), and no existing score may be left unassigned (409 assignment_has_scores).
   */
  putAssignments(actor: Principal, editionId: string, dto: PutAssignmentsDto): Promise<AssignmentsView> {
    return this.change(actor, editionId, 'jury.assignments_set', async (manager) => {
      const seen = new Set<string>();
      dto.items.forEach((item, i) => {
        if (seen.has(item.practiceId)) throw new InvalidInputError(`items.${i}.practiceId`, 'appears twice');
        seen.add(item.practiceId);
      });
      await this.requireAll(dto.items.map((item) => item.practiceId), (list) => this.panelsRepo.notPractices(manager, editionId, list), 'practiceId', 'is not a practice of this edition', dto);
      await this.requireAll(dto.items.flatMap((item) => item.panelIds), (list) => this.panelsRepo.notPanels(manager, editionId, list), 'panelIds', 'holds a panel not of this edition', dto);
      await this.requireAll(dto.items.flatMap((item) => item.jurorIds), (list) => this.panelsRepo.notJurors(manager, editionId, list), 'jurorIds', 'holds a user who is not a juror of this edition', dto);
      const items = await this.panelsRepo.assignmentItems(manager, editionId);
      const conflicted = new Map(items.map((item) => [item.practiceId, new Set(item.conflictedJurorIds)]));
      const clashes = dto.items.flatMap((item) => [...new Set(item.jurorIds)].filter((juror) => conflicted.get(item.practiceId)?.has(juror)).map((jurorId) => ({ practiceId: item.practiceId, jurorId })));
      if (clashes.length) throw new ConflictError('assignment_conflicted', 'A juror cannot be given a practice they are conflicted with', { clashes });
      const targets: AssignmentTarget[] = dto.items.flatMap((item) => [
        ...[...new Set(item.panelIds)].map((panelId) => ({ practiceId: item.practiceId, panelId, jurorId: null })),
        ...[...new Set(item.jurorIds)].map((jurorId) => ({ practiceId: item.practiceId, panelId: null, jurorId })),
      ]);
      await this.panelsRepo.replaceAssignments(manager, editionId, targets);
      return { result: undefined, details: { practices: dto.items.length, rows: targets.length } };
    }).then(() => this.assignments(editionId));
  }

  /** A balanced proposal (nothing is saved): k jurors per practice, or one panel per practice. */
  async suggest(editionId: string, dto: SuggestionDto): Promise<SuggestionView> {
    const manager = this.dataSource.manager;
    const mode = dto.mode ?? 'jurors';
    const k = dto.jurorsPerPractice ?? DEFAULT_JURORS_PER_PRACTICE;
    const practices: SuggestionPractice[] = (await this.panelsRepo.assignmentItems(manager, editionId))
      .filter((item) => item.beforeJury)
      .map((item) => ({ id: item.practiceId, conflicted: new Set(item.conflictedJurorIds) }));
    const jurors = await this.panelsRepo.jurors(manager, editionId);
    const panels = await this.panelsRepo.panels(manager, editionId);
    const jurorsOf = new Map<string, string[]>();
    if (mode === 'panels') {
      const members = new Map(panels.map((panel) => [panel.id, panel.members.map((m) => m.jurorId)]));
      const panelOf = suggestPanels(practices, panels.map((panel) => ({ id: panel.id, members: members.get(panel.id)! })));
      for (const [practiceId, panelId] of panelOf) jurorsOf.set(practiceId, members.get(panelId)!);
      const items = practices.filter((p) => panelOf.has(p.id)).map((p) => ({ practiceId: p.id, panelIds: [panelOf.get(p.id)!], jurorIds: [] }));
      return { mode, jurorsPerPractice: k, items, loads: loads(jurors, practices, jurorsOf), unassignable: practices.filter((p) => !panelOf.has(p.id)).map((p) => p.id) };
    }
    const proposal = suggestJurors(practices, jurors.map((juror) => juror.jurorId), k);
    for (const [practiceId, chosen] of proposal) jurorsOf.set(practiceId, chosen);
    const items = practices.filter((p) => proposal.get(p.id)!.length > 0).map((p) => ({ practiceId: p.id, panelIds: [], jurorIds: proposal.get(p.id)! }));
    return { mode, jurorsPerPractice: k, items, loads: loads(jurors, practices, jurorsOf), unassignable: practices.filter((p) => proposal.get(p.id)!.length === 0).map((p) => p.id) };
  }

  private async requireAll(list: string[], unknownOf: (list: string[]) => Promise<string[]>, field: string, problem: string, dto: PutAssignmentsDto): Promise<void> {
    const unknown = new Set(await unknownOf([...new Set(list)]));
    if (unknown.size === 0) return;
    const at = dto.items.findIndex((item) => (field === 'practiceId' ? unknown.has(item.practiceId) : (item[field as 'panelIds' | 'jurorIds'] as string[]).some((id) => unknown.has(id))));
    throw new InvalidInputError(`items.${at}.${field}`, problem);
  }

  /** One assignment change: the edition locked and still before scoring closes, the change, no score left unassigned, the audit row. */
  private async change<T>(actor: Principal, editionId: string, action: string, apply: (manager: EntityManager) => Promise<{ result: T; details: Record<string, unknown> }>): Promise<T> {
    return this.uow.run(async ({ manager }) => {
      const edition = await this.panelsRepo.lockEdition(manager, editionId);
      if (!edition) throw new NotFoundError('Edition');
      if (!EDITABLE_STAGES.includes(edition.stage) || edition.scoring_closed) {
        throw new ConflictError('scoring_closed', `Panels and assignments change only before scoring closes (the edition is in ${edition.stage}${edition.scoring_closed ? ', past its scoring deadline' : ''})`, { stage: edition.stage });
      }
      const { result, details } = await apply(manager);
      const stranded = await this.panelsRepo.scoresLeftUnassigned(manager, editionId);
      if (stranded > 0) {
        throw hasScores(stranded);
      }
      await this.audit.record({ actorId: actor.userId, action, objectType: 'edition', objectId: editionId, outcome: 'success', details }, manager);
      return result;
    });
  }
}

function hasScores(scores: number): ConflictError {
  return new ConflictError('assignment_has_scores', `This change would take practices away from jurors who already scored them (${scores} score(s)); keep those assignments`, { scores });
}

function nameTaken(name: string): ConflictError {
  return new ConflictError('panel_name_taken', `A panel named “${name}” already exists in this edition`);
}

/** Per juror: the practices they would score under the proposal, outside their conflicts. */
function loads(jurors: { jurorId: string; name: string }[], practices: SuggestionPractice[], jurorsOf: Map<string, string[]>): JurorLoadView[] {
  return jurors.map(({ jurorId, name }) => ({
    jurorId,
    name,
    practices: practices.filter((p) => !p.conflicted.has(jurorId) && (jurorsOf.get(p.id) ?? []).includes(jurorId)).length,
  }));
}
