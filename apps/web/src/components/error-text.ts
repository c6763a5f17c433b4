// One translated sentence for any failed API call: by status, or by the 409 code when the
// catalogues know it (`conflicts.<code>`), so wrong-stage answers read as what they mean.
import type { TFunction } from 'i18next';
import { ApiError, errorKey } from '../api/errors';

export function describeError(t: TFunction, error: unknown, exists: (key: string) => boolean): string {
  const apiError = error instanceof ApiError ? error : new ApiError(0, null);
  if (apiError.status === 409 && apiError.code) {
    const specific = `conflicts.${apiError.code}`;
    // A key built from the server's code: outside the typed catalogue by nature.
    if (exists(specific)) return (t as unknown as (key: string) => string)(specific);
  }
  return t(errorKey(apiError));
}
