// Maps every error to the contract's stable body { statusCode, error, message, code?, details? }.
// No stack traces leave the server; unexpected errors are logged with the request id.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DeferredCheckRequest, takeDeferredObjectCheck } from '../auth/deferred-object-access';
import { ConflictError, DomainError, FieldProblem } from './domain-errors';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: FieldProblem[];
  [extra: string]: unknown;
}

const phrase = (status: number) => STATUS_CODES[status] ?? 'Error';

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const body: ErrorBody = {
      statusCode: exception.status,
      error: phrase(exception.status),
      code: exception.code,
      message: exception.message,
    };
    if (exception.details) body.details = exception.details;
    if (exception instanceof ConflictError && exception.extra) Object.assign(body, exception.extra);
    return body;
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const body: ErrorBody = { statusCode: status, error: phrase(status), message: exception.message };
    if (typeof response === 'object' && response !== null) {
      const { message, details, code } = response as { message?: unknown; details?: FieldProblem[]; code?: string };
      if (typeof message === 'string') body.message = message;
      else if (Array.isArray(message)) body.message = message.join('; ');
      if (details) body.details = details;
      if (code) body.code = code;
    }
    return body;
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    // Errors raised by Fastify itself (body too large, bad JSON, bad content type).
    return {
      statusCode: fastifyError.statusCode,
      error: phrase(fastifyError.statusCode),
      code: fastifyError.code?.toLowerCase(),
      message: fastifyError.message ?? phrase(fastifyError.statusCode),
    };
  }
  if (isDataException(exception)) {
    // A safety net: input the validation missed (a number beyond a column's range, text it cannot hold).
    return { statusCode: 400, error: phrase(400), code: 'invalid_value', message: 'A value is malformed or out of range' };
  }
  if (exception instanceof URIError) {
    return { statusCode: 400, error: phrase(400), code: 'invalid_value', message: 'A value cannot be encoded (malformed text)' };
  }
  return { statusCode: 500, error: phrase(500), message: 'Internal server error' };
}

/** PostgreSQL's SQLSTATE class 22 (data exception): the value sent, not the server, is at fault. */
function isDataException(exception: unknown): boolean {
  if (!(exception instanceof QueryFailedError)) return false;
  const code = (exception.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('22');
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const reply = context.getResponse<FastifyReply>();
    const request = context.getRequest<FastifyRequest>();
    // The object check the guard left to the route's statement: a failed route answers its 404/403
    // first (Nest's router has returned the reply to Fastify, which waits for the send).
    const deferredCheck = takeDeferredObjectCheck(request as DeferredCheckRequest | undefined);
    if (deferredCheck) {
      deferredCheck().then(
        () => this.answer(exception, request, reply),
        (denied: unknown) => this.answer(denied, request, reply),
      );
      return;
    }
    this.answer(exception, request, reply);
  }

  private answer(exception: unknown, request: FastifyRequest | undefined, reply: FastifyReply): void {
    const body = toErrorBody(exception);
    if (body.statusCode >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error({ err: exception, reqId: request?.id }, 'unhandled error');
    } else if (body.code === 'invalid_value') {
      // Mapped by the safety net: worth a look, the validation should have caught it first.
      this.logger.warn({ err: exception, reqId: request?.id }, 'data exception answered 400');
    }
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS && !reply.getHeader('retry-after')) {
      reply.header('retry-after', '60');
    }
    reply.status(body.statusCode).send(body);
  }
}
