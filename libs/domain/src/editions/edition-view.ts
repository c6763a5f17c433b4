// An edition row as the database gives it, and the view the API answers with.
import { EditionView } from './dto/edition.dto';
import { allowedTargets, EditionStage } from './edition-stage';

export interface EditionRow {
  id: string;
  year: number;
  name: string;
  stage: EditionStage;
  reports_due_at: Date | null;
  scoring_due_at: Date | null;
  ceremony_starts_at: Date | null;
  ceremony_venue: string | null;
  ceremony_city: string | null;
  scoring_scale_max: number;
  scoring_weights: EditionView['scoring']['weights'];
  reports_reminder_days: number;
  scoring_reminder_days: number;
  created_at: Date;
}

export function toEditionView(row: EditionRow): EditionView {
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    stage: row.stage,
    reportsDueAt: row.reports_due_at,
    scoringDueAt: row.scoring_due_at,
    ceremony: row.ceremony_starts_at
      ? { startsAt: row.ceremony_starts_at, venue: row.ceremony_venue ?? '', city: row.ceremony_city ?? '' }
      : null,
    scoring: { scaleMax: row.scoring_scale_max, weights: row.scoring_weights },
    reminders: { reportsDays: row.reports_reminder_days, scoringDays: row.scoring_reminder_days },
    allowedTransitions: [...allowedTargets(row.stage)],
    createdAt: row.created_at,
  };
}
