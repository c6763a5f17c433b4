// Labels for the API's enumerations. A value the catalogues do not know yet (the API grew) shows
// as it is rather than as a missing key.
import type { TFunction } from 'i18next';
import type { EditionStage, PracticeStatus } from '../api/pending-paths';

export const STAGES: readonly EditionStage[] = ['draft', 'reportsOpen', 'juryScoring', 'deliberation', 'decided', 'published'];
const PRACTICE_STATUSES: readonly PracticeStatus[] = ['draft', 'submitted', 'eligible', 'ineligible', 'distinguished', 'notDistinguished'];

export function stageLabel(t: TFunction, stage: string): string {
  return (STAGES as readonly string[]).includes(stage) ? t(`stages.${stage as EditionStage}`) : stage;
}

export function practiceStatusLabel(t: TFunction, status: string): string {
  return (PRACTICE_STATUSES as readonly string[]).includes(status) ? t(`practiceStatus.${status as PracticeStatus}`) : status;
}
