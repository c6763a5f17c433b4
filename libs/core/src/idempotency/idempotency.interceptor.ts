// Idempotency-Key on create routes (@Idempotent()): the first request under a key is answered and
// its answer stored for the principal (24 h); a retry with the same key and the same request gets
// that answer again (same status and body, header Idempotent-Replayed: true) without running again;
// the same key with another request answers 422 idempotency_key_reused; a retry while the first is
// still running answers 409 idempotency_key_in_flight. Failed requests are not stored (a retry runs).
import { createHash } from 'node:crypto';
import { applyDecorators, CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ConflictError, InvalidInputError, UnprocessableError } from '../errors/domain-errors';
import { IdempotencyRepository } from './idempotency.repository';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** One request in this many also drops expired keys. */
const PURGE_EVERY = 200;

/** JSON with object keys sorted, so the same body sent with its fields in another order hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

interface HttpRequest {
  method: string;
  url: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  user?: Principal;
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly keys: IdempotencyRepository;
  private requests = 0;

  constructor(dataSource: DataSource) {
    this.keys = new IdempotencyRepository(dataSource);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !request.user) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(key)) {
      return throwError(() => new InvalidInputError('Idempotency-Key', 'must be 1 to 255 visible ASCII characters'));
    }
    const principalId = request.user.userId;
    const requestHash = createHash('sha256').update(`${request.method} ${request.url}\n${canonicalJson(request.body)}`).digest('hex');
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? HttpStatus.CREATED;
    const reply = context.switchToHttp().getResponse<{ header(name: string, value: string): void }>();
    if (++this.requests % PURGE_EVERY === 0) void this.keys.purgeExpired().catch(() => undefined);

    return from(this.keys.claim(principalId, key, requestHash)).pipe(
      mergeMap((claimed) => {
        if (claimed) {
          return next.handle().pipe(
            mergeMap((body) => from(this.keys.saveAnswer(principalId, key, status, body).then(() => body))),
            catchError((error: unknown) => from(this.keys.release(principalId, key)).pipe(mergeMap(() => throwError(() => error)))),
          );
        }
        return from(this.keys.find(principalId, key)).pipe(
          mergeMap((stored) => {
            if (!stored) return throwError(() => new ConflictError('idempotency_key_in_flight', 'A request with this Idempotency-Key is being answered; retry shortly'));
            if (stored.requestHash !== requestHash) {
              return throwError(() => new UnprocessableError('idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key'));
            }
            if (stored.responseStatus === null) {
              return throwError(() => new ConflictError('idempotency_key_in_flight', 'A request with this Idempotency-Key is being answered; retry shortly'));
            }
            reply.header('Idempotent-Replayed', 'true');
            return of(stored.responseBody);
          }),
        );
      }),
    );
  }
}

/** Marks a create route as accepting an Idempotency-Key header (and documents it). */
export function Idempotent() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique key per intended creation (e.g. a UUID), kept 24 h per account. A retry with the same key and body returns the first ' +
        'successful answer (same status and body, header `Idempotent-Replayed: true`) without creating again; while the first is still ' +
        'being answered, 409 `idempotency_key_in_flight`. Failed requests are not kept.',
    }),
    ApiUnprocessableEntityResponse({ description: '`idempotency_key_reused`: the Idempotency-Key was used for a different request' }),
  );
}
