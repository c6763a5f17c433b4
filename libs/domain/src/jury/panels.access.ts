// The one definition, as SQL, of "the practice is on the juror's ballot by assignment". An edition
// with no assignment row uses none (everyone scores every eligible practice outside their
// conflicts); one with any gives a juror only the practices assigned to them directly or through a
// panel they sit on. Used by the score write (inside its one statement), the ballot and progress.

/** Whether edition `edition` assigns its practices (one probe of practice_assignment_edition_idx). */
export function editionAssignsSql(edition: string): string {
  return `EXISTS (SELECT 1 FROM practice_assignment pa0 WHERE pa0.edition_id = ${edition})`;
}

/** Whether practice `practice` is assigned to `juror`, directly or through a panel (probes of the practice-leading unique indexes). */
export function assignedToSql(juror: string, practice: string): string {
  return `EXISTS (SELECT 1 FROM practice_assignment pa
                   WHERE pa.practice_id = ${practice}
                     AND (pa.juror_id = ${juror}
                          OR EXISTS (SELECT 1 FROM jury_panel_member pm WHERE pm.panel_id = pa.panel_id AND pm.juror_id = ${juror})))`;
}

/** Whether the practice is on the juror's ballot as far as assignment goes: always when the edition assigns nothing. */
export function onBallotByAssignmentSql(juror: string, practice: string, edition: string): string {
  return `(NOT ${editionAssignsSql(edition)} OR ${assignedToSql(juror, practice)})`;
}
