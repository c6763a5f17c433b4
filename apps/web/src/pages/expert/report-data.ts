// Finding the expert's report. The API has no "my report" read: POST /editions/:id/reports starts it,
// and answers 409 `report_exists` with its id when it exists. That works only while reports are open,
// so the id is also remembered in this browser for later stages (see the report's API gaps).
import { client } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';

const key = (editionId: string, cityId: string) => `oc.report.${editionId}.${cityId}`;

function remember(editionId: string, cityId: string, reportId: string): void {
  try {
    window.localStorage.setItem(key(editionId, cityId), reportId);
  } catch {
    // No storage: found again next time while reports are open.
  }
}

function remembered(editionId: string, cityId: string): string | null {
  try {
    return window.localStorage.getItem(key(editionId, cityId));
  } catch {
    return null;
  }
}

export async function findOrStartReport(editionId: string, cityId: string): Promise<string> {
  try {
    const created = await unwrap(client.POST('/api/editions/{id}/reports', { params: { path: { id: editionId } }, body: { cityId } }));
    remember(editionId, cityId, created.id);
    return created.id;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const existing = error.body?.reportId;
      if (typeof existing === 'string') {
        remember(editionId, cityId, existing);
        return existing;
      }
      const known = remembered(editionId, cityId);
      if (known) return known;
    }
    throw error;
  }
}
