// The expert's assignments and their reports (GET /api/me/reports), and starting a report.
import { client } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { MyReportAssignment } from '../../api/types';
import { toDate } from '../../i18n/format';

export function loadMyReports(signal: AbortSignal): Promise<MyReportAssignment[]> {
  return unwrap(client.GET('/api/me/reports', { signal }));
}

/** The caller's assignment for this edition and city, or null when they are not its expert. */
export async function loadAssignment(editionId: string, cityId: string, signal: AbortSignal): Promise<MyReportAssignment | null> {
  const assignments = await loadMyReports(signal);
  return assignments.find((assignment) => assignment.editionId === editionId && assignment.cityId === cityId) ?? null;
}

/** The report screen of an assignment (it shows "start the report" until there is one). */
export const reportPath = (assignment: Pick<MyReportAssignment, 'editionId' | 'cityId'>) =>
  `/expert/editions/${assignment.editionId}/cities/${assignment.cityId}`;

/**
 * The expert's own deadline: the edition's, or a coordinator's later extension (as the API checks
 * it: no edition deadline means none at all).
 */
export function personalDue(editionDue: unknown, extendedDue: unknown): Date | null {
  const due = toDate(editionDue);
  const extended = toDate(extendedDue);
  return due && extended && extended > due ? extended : due;
}

/** Whether a report can be started or written now: stage reportsOpen and the expert's deadline ahead. */
export function reportsOpen(assignment: Pick<MyReportAssignment, 'editionStage' | 'reportsDueAt'> & { extendedDueAt?: string | null }, now: number): boolean {
  const due = personalDue(assignment.reportsDueAt, assignment.extendedDueAt);
  return assignment.editionStage === 'reportsOpen' && (!due || due.getTime() > now);
}

/** Starts the report; when it was started meanwhile (another tab), the existing one is as good. */
export async function startReport(editionId: string, cityId: string): Promise<string> {
  try {
    const created = await unwrap(client.POST('/api/editions/{id}/reports', { params: { path: { id: editionId } }, body: { cityId } }));
    return created.id;
  } catch (error) {
    const existing = error instanceof ApiError && error.status === 409 ? error.body?.reportId : undefined;
    if (typeof existing === 'string') return existing;
    throw error;
  }
}
