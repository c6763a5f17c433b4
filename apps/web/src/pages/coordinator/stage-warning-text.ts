// What a stage move leaves behind, in the interface language: each warning of GET
// /api/editions/:id/transitions comes with a stable code and the names and numbers concerned.
// A code this build does not know yet is shown as the API's English message.
import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';
import { LANGUAGES, type Language } from '../../i18n/languages';

export type Warning = components['schemas']['TransitionWarningView'];
type WarningCode = components['schemas']['TransitionWarningCode'];

const SAY: Record<WarningCode, (t: TFunction, params: Warning['params'], date: (value: unknown) => string) => string> = {
  reports_not_started: (t, { count, cities }) => t('stageWarnings.notStarted', { count: count ?? 0, cities: (cities ?? []).join(', ') }),
  reports_not_submitted: (t, { count, cities }) => t('stageWarnings.notSubmitted', { count: count ?? 0, cities: (cities ?? []).join(', ') }),
  reports_deadline_ahead: (t, { dueAt }, date) => t('stageWarnings.reportsAhead', { date: date(dueAt) }),
  scoring_deadline_ahead: (t, { dueAt }, date) => t('stageWarnings.scoringAhead', { date: date(dueAt) }),
  ballots_incomplete: (t, { count }) => t('stageWarnings.ballots', { count: count ?? 0 }),
  translations_missing: (t) => t('stageWarnings.translations'),
};

export function warningText(t: TFunction, warning: Warning, date: (value: unknown) => string): string {
  const say = Object.hasOwn(SAY, warning.code) ? SAY[warning.code] : undefined;
  return say ? say(t, warning.params ?? {}, date) : warning.message;
}

/** A language of a juror's account by its own name where the interface knows it, else its code. */
export function languageLabel(t: TFunction, language: string): string {
  return (LANGUAGES as readonly string[]).includes(language) ? t(`languageNames.${language as Language}`) : language;
}
