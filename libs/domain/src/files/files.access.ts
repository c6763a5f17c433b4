// Who may read a report's evidence files: the report's expert, coordinators, and the edition's
// jurors from juryScoring on when one of the report's practices is before them (never a city they are tied to).
// The rule is report.file.read on the report (reports.access.ts); this is its set form for files.
import { evidenceVisibleTo } from '../practices/practices.access';
import { reportOnBallotSql } from '../reports/reports.access';

/** SQL: the ids among $1 of files user $2 may read. */
export const VISIBLE_FILE_IDS_SQL = `
  SELECT f.id FROM report_file f JOIN report r ON r.id = f.report_id JOIN edition e ON e.id = r.edition_id
   WHERE f.id = ANY($1::uuid[]) AND ${evidenceVisibleTo('r', 'e', reportOnBallotSql('r'), '$2')}`;
