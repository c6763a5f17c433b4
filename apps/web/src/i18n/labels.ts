// Labels for the API's enumerations. A value the catalogues do not know yet (the API grew) shows
// as it is rather than as a missing key.
import type { TFunction } from 'i18next';
import type { DeliveryStatus, EditionStage, FollowUpStatus, PracticeStatus } from '../api/types';

export const STAGES: readonly EditionStage[] = ['draft', 'reportsOpen', 'juryScoring', 'deliberation', 'decided', 'published'];
const PRACTICE_STATUSES: readonly PracticeStatus[] = ['draft', 'submitted', 'eligible', 'ineligible', 'distinguished', 'notDistinguished'];
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['implemented', 'continued', 'expanded', 'discontinued', 'unknown'];
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'sent', 'failed'];
export const CRITERIA = ['comprehensiveness', 'longTerm', 'governmentEngagement', 'effectiveness'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const RESULT_METHODS = ['mean', 'median', 'zscore', 'borda'] as const;
export type ResultMethod = (typeof RESULT_METHODS)[number];

export function stageLabel(t: TFunction, stage: string): string {
  return (STAGES as readonly string[]).includes(stage) ? t(`stages.${stage as EditionStage}`) : stage;
}

export function practiceStatusLabel(t: TFunction, status: string): string {
  return (PRACTICE_STATUSES as readonly string[]).includes(status) ? t(`practiceStatus.${status as PracticeStatus}`) : status;
}

export function followUpStatusLabel(t: TFunction, status: string): string {
  return (FOLLOW_UP_STATUSES as readonly string[]).includes(status) ? t(`followUpStatus.${status as FollowUpStatus}`) : status;
}

export function deliveryStatusLabel(t: TFunction, status: string): string {
  return (DELIVERY_STATUSES as readonly string[]).includes(status) ? t(`notificationStatus.${status as DeliveryStatus}`) : status;
}

export function criterionLabel(t: TFunction, criterion: string): string {
  return (CRITERIA as readonly string[]).includes(criterion) ? t(`criteria.${criterion as Criterion}`) : criterion;
}

/** Badge colour of a practice status: decided good, decided not, waiting. */
export function practiceTone(status: string): 'good' | 'bad' | 'neutral' {
  if (status === 'eligible' || status === 'distinguished') return 'good';
  if (status === 'ineligible') return 'bad';
  return 'neutral';
}

/** Whether an edition has reached `stage` (draft → … → published). */
export function isAtOrAfter(current: string, stage: EditionStage): boolean {
  return (STAGES as readonly string[]).indexOf(current) >= STAGES.indexOf(stage);
}
