import { describe, expect, it } from '@jest/globals';
import { ApiError, errorKey, isApiErrorBody, NETWORK_ERROR, unwrap } from './errors';

const badRequest = {
  statusCode: 400,
  error: 'Bad Request',
  message: 'email: email must be an email; password: too short',
  details: [
    { field: 'email', problem: 'email must be an email' },
    { field: 'password', problem: 'too short' },
    { field: 'password', problem: 'too common' },
  ],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('API errors', () => {
  it('recognises the contract error body', () => {
    expect(isApiErrorBody(badRequest)).toBe(true);
    expect(isApiErrorBody({ statusCode: 409, error: 'Conflict', code: 'wrong_stage', message: 'no' })).toBe(true);
    expect(isApiErrorBody({ message: 'x' })).toBe(false);
    expect(isApiErrorBody({ statusCode: 400, message: 'x', details: [{ field: 1 }] })).toBe(false);
    expect(isApiErrorBody('<html>')).toBe(false);
  });

  it('groups field problems by the field they name', () => {
    expect(new ApiError(400, badRequest).fieldErrors()).toEqual({ email: ['email must be an email'], password: ['too short', 'too common'] });
    expect(new ApiError(500, null).fieldErrors()).toEqual({});
  });

  it('unwraps data, and throws ApiError with the body for any other answer', async () => {
    await expect(unwrap(Promise.resolve({ data: { ok: 1 }, response: json(200, { ok: 1 }) }))).resolves.toEqual({ ok: 1 });
    const failure = await unwrap(Promise.resolve({ error: badRequest, response: json(400, badRequest) })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(400);
    expect((failure as ApiError).details).toHaveLength(3);
    const notJson = await unwrap(Promise.resolve({ error: 'Bad gateway', response: new Response('Bad gateway', { status: 502 }) })).catch((e: unknown) => e);
    expect((notJson as ApiError).body).toBeNull();
    const offline = await unwrap(Promise.reject(new TypeError('fetch failed'))).catch((e: unknown) => e);
    expect((offline as ApiError).status).toBe(NETWORK_ERROR);
  });

  it('names a translation for each kind of failure', () => {
    expect(errorKey(new ApiError(NETWORK_ERROR, null))).toBe('errors.network');
    expect(errorKey(new ApiError(400, badRequest))).toBe('errors.invalid');
    expect(errorKey(new ApiError(404, null))).toBe('errors.notFound');
    expect(errorKey(new ApiError(409, null))).toBe('errors.conflict');
    expect(errorKey(new ApiError(429, null))).toBe('errors.rateLimited');
    expect(errorKey(new ApiError(503, null))).toBe('errors.server');
  });
});
