import { ArgumentsHost, BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError } from './domain-errors';
import { DEFERRED_OBJECT_CHECK } from '../auth/deferred-object-access';
import { HttpExceptionFilter, toErrorBody } from './http-exception.filter';

describe('toErrorBody', () => {
  // toStrictEqual: a key present with undefined (details, code) would still be a change of the body.
  it('maps a domain error to its status, phrase, code and message', () => {
    expect(toErrorBody(new NotFoundError('Edition'))).toStrictEqual({ statusCode: 404, error: 'Not Found', code: 'not_found', message: 'Edition not found' });
    expect(toErrorBody(new ForbiddenError())).toStrictEqual({ statusCode: 403, error: 'Forbidden', code: 'forbidden', message: 'You are not allowed to do this' });
    expect(toErrorBody(new UnauthenticatedError())).toStrictEqual({ statusCode: 401, error: 'Unauthorized', code: 'unauthenticated', message: 'Authentication required' });
  });

  it('names the field at fault', () => {
    expect(toErrorBody(new InvalidInputError('criteria.longTerm', 'must be at most 5'))).toStrictEqual({
      statusCode: 400, error: 'Bad Request', code: 'invalid_input', message: 'criteria.longTerm must be at most 5',
      details: [{ field: 'criteria.longTerm', problem: 'must be at most 5' }],
    });
  });

  it('spreads a conflict’s facts into the body', () => {
    expect(toErrorBody(new ConflictError('invalid_transition', 'no', { from: 'draft', allowed: [] }))).toStrictEqual({
      statusCode: 409, error: 'Conflict', code: 'invalid_transition', message: 'no', from: 'draft', allowed: [],
    });
    expect(toErrorBody(new ConflictError('stage', 'closed'))).toStrictEqual({ statusCode: 409, error: 'Conflict', code: 'stage', message: 'closed' });
  });

  it('keeps a Nest exception’s status and message, joining a list of messages', () => {
    expect(toErrorBody(new NotFoundException())).toStrictEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
    expect(toErrorBody(new BadRequestException('name must be text'))).toStrictEqual({ statusCode: 400, error: 'Bad Request', message: 'name must be text' });
    expect(toErrorBody(new BadRequestException(['a is bad', 'b is bad']))).toStrictEqual({ statusCode: 400, error: 'Bad Request', message: 'a is bad; b is bad' });
    expect(toErrorBody(new HttpException('plain text', 418))).toStrictEqual({ statusCode: 418, error: "I'm a Teapot", message: 'plain text' });
  });

  it('carries a Nest exception’s code and details', () => {
    const details = [{ field: 'email', problem: 'must be an email' }];
    expect(toErrorBody(new BadRequestException({ message: 'email must be an email', details, code: 'validation_failed' }))).toStrictEqual({
      statusCode: 400, error: 'Bad Request', message: 'email must be an email', details, code: 'validation_failed',
    });
    expect(toErrorBody(new HttpException({ message: 42 }, 400))).toStrictEqual({ statusCode: 400, error: 'Bad Request', message: 'Http Exception' });
  });

  it('answers Fastify’s own 4xx errors with their status and code', () => {
    expect(toErrorBody({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'Request body is too large' })).toStrictEqual({
      statusCode: 413, error: 'Payload Too Large', code: 'fst_err_ctp_body_too_large', message: 'Request body is too large',
    });
    expect(toErrorBody({ statusCode: 400 })).toStrictEqual({ statusCode: 400, error: 'Bad Request', code: undefined, message: 'Bad Request' });
    expect(toErrorBody(new HttpException(null as never, 400))).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(toErrorBody({ statusCode: 499, message: 'x' })).toMatchObject({ statusCode: 499, error: 'Error', message: 'x' });
  });

  it('hides everything else, 5xx and odd statuses included, behind a plain 500', () => {
    const internal = { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
    expect(toErrorBody(new Error('SELECT * FROM secret'))).toStrictEqual(internal);
    expect(toErrorBody({ statusCode: 503, message: 'db down at /srv/app.js' })).toStrictEqual(internal);
    expect(toErrorBody({ statusCode: 399, message: 'redirect?' })).toStrictEqual(internal);
    expect(toErrorBody({ statusCode: 500, code: 'X', message: 'at /srv/app.js' })).toStrictEqual(internal);
    expect(toErrorBody({ statusCode: '400', message: 'text status' })).toStrictEqual(internal);
    expect(toErrorBody(null)).toStrictEqual(internal);
    expect(toErrorBody(undefined)).toStrictEqual(internal);
  });
});

describe('HttpExceptionFilter', () => {
  function host(request: object = { id: 'req-1' }) {
    const reply = {
      headers: {} as Record<string, string>,
      statusCode: 0,
      body: undefined as unknown,
      getHeader(name: string) {
        return this.headers[name];
      },
      header(name: string, value: string) {
        this.headers[name] = value;
        return this;
      },
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      send(body: unknown) {
        this.body = body;
        return this;
      },
    };
    const argumentsHost = { switchToHttp: () => ({ getResponse: () => reply, getRequest: () => request }) } as unknown as ArgumentsHost;
    return { reply, argumentsHost };
  }

  it('sends the body with its status', () => {
    const { reply, argumentsHost } = host();
    new HttpExceptionFilter().catch(new PayloadTooLargeException(), argumentsHost);
    expect(reply.statusCode).toBe(413);
    expect(reply.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'Payload Too Large' });
    expect(reply.headers).toEqual({});
  });

  it('tells a throttled client when to come back, unless the throttler already did', () => {
    const first = host();
    new HttpExceptionFilter().catch(new HttpException('Too many', 429), first.argumentsHost);
    expect(first.reply.headers['retry-after']).toBe('60');
    const second = host();
    second.reply.headers['retry-after'] = '7';
    new HttpExceptionFilter().catch(new HttpException('Too many', 429), second.argumentsHost);
    expect(second.reply.headers['retry-after']).toBe('7');
  });

  it('logs an unexpected error with the request id and answers 500 without it', () => {
    const { reply, argumentsHost } = host();
    const filter = new HttpExceptionFilter();
    const logged = jest.spyOn((filter as unknown as { logger: { error: (...args: unknown[]) => void } }).logger, 'error').mockImplementation(() => undefined);
    const error = new Error('boom');
    filter.catch(error, argumentsHost);
    expect(reply.statusCode).toBe(500);
    expect(JSON.stringify(reply.body)).not.toContain('boom');
    expect(logged).toHaveBeenCalledWith({ err: error, reqId: 'req-1' }, 'unhandled error');
    filter.catch(new NotFoundError('X'), argumentsHost);
    expect(logged).toHaveBeenCalledTimes(1);
    expect((filter as unknown as { logger: { context: string } }).logger.context).toBe('HttpExceptionFilter');
  });

  it('answers even when the request is unknown', () => {
    const { reply } = host();
    const argumentsHost = { switchToHttp: () => ({ getResponse: () => reply, getRequest: () => undefined }) } as unknown as ArgumentsHost;
    const filter = new HttpExceptionFilter();
    jest.spyOn((filter as unknown as { logger: { error: () => void } }).logger, 'error').mockImplementation(() => undefined);
    filter.catch(new Error('boom'), argumentsHost);
    expect(reply.statusCode).toBe(500);
  });

  it('runs the object check a route left to its statement before answering a failure: its denial wins, else the error', async () => {
    const refused = new ConflictError('not_scored', 'refused');
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const denied = host({ id: 'req-2', [DEFERRED_OBJECT_CHECK]: async () => { throw new NotFoundError('Resource'); } });
    new HttpExceptionFilter().catch(refused, denied.argumentsHost);
    await settle();
    expect(denied.reply.statusCode).toBe(404);
    const allowed = host({ id: 'req-3', [DEFERRED_OBJECT_CHECK]: async () => undefined });
    new HttpExceptionFilter().catch(refused, allowed.argumentsHost);
    await settle();
    expect(allowed.reply.body).toMatchObject({ statusCode: 409, code: 'not_scored' });
  });
});
