// The API's one error body, `{ statusCode, error, message, code?, details?: [{ field, problem }] }`,
// turned into an ApiError that screens handle the same way everywhere: a translated summary by
// status (and code, for 409s), and each field problem shown next to the field it names.

export interface FieldProblem {
  field: string;
  problem: string;
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: FieldProblem[];
  [extra: string]: unknown;
}

/** Status 0: the request never got an HTTP answer (offline, server down, aborted). */
export const NETWORK_ERROR = 0;

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | null;

  constructor(status: number, body: ApiErrorBody | null, message?: string) {
    super(message ?? body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get code(): string | undefined {
    return this.body?.code;
  }

  get details(): FieldProblem[] {
    return this.body?.details ?? [];
  }

  /** Problems by field name (`ceremony.startsAt` stays as the API names it). */
  fieldErrors(): Record<string, string[]> {
    const byField: Record<string, string[]> = {};
    for (const { field, problem } of this.details) (byField[field] ??= []).push(problem);
    return byField;
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  if (typeof body.statusCode !== 'number' || typeof body.message !== 'string') return false;
  if (body.details === undefined) return true;
  return (
    Array.isArray(body.details) &&
    body.details.every((d) => typeof d === 'object' && d !== null && typeof d.field === 'string' && typeof d.problem === 'string')
  );
}

export function toApiError(error: unknown, response?: Response): ApiError {
  if (error instanceof ApiError) return error;
  if (!response) return new ApiError(NETWORK_ERROR, null, error instanceof Error ? error.message : 'Network error');
  return new ApiError(response.status, isApiErrorBody(error) ? error : null);
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError for any non-2xx answer
 * and for network failures. `await unwrap(client.GET('/api/public/editions'))`.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw toApiError(error);
  }
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as T;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The translation key for an error's summary: `errors.conflict.<code>` for known 409 codes is
 * tried by the caller first (see describeError in components/error-text.ts).
 */
export type ErrorKey =
  | 'errors.network'
  | 'errors.invalid'
  | 'errors.unauthenticated'
  | 'errors.forbidden'
  | 'errors.notFound'
  | 'errors.conflict'
  | 'errors.tooLarge'
  | 'errors.rateLimited'
  | 'errors.server'
  | 'errors.unexpected';

export function errorKey(error: ApiError): ErrorKey {
  const { status } = error;
  if (status === NETWORK_ERROR) return 'errors.network';
  if (status === 400 || status === 422) return 'errors.invalid';
  if (status === 401) return 'errors.unauthenticated';
  if (status === 403) return 'errors.forbidden';
  if (status === 404) return 'errors.notFound';
  if (status === 409) return 'errors.conflict';
  if (status === 413) return 'errors.tooLarge';
  if (status === 429) return 'errors.rateLimited';
  if (status >= 500) return 'errors.server';
  return 'errors.unexpected';
}
