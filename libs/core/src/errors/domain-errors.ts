// Errors the domain raises; each carries a stable code. The HTTP filter maps them to statuses.
export interface FieldProblem {
  field: string;
  problem: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(readonly code: string, message: string, readonly details?: FieldProblem[]) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input that passed the DTO but breaks a rule (400). */
export class InvalidInputError extends DomainError {
  readonly status = 400;
  constructor(field: string, problem: string) {
    super('invalid_input', `${field} ${problem}`, [{ field, problem }]);
  }
}

/** Missing, or not visible to the caller: both answer 404 so existence is not disclosed. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/** The caller's role may never do this (403). */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(message = 'You are not allowed to do this', code = 'forbidden') {
    super(code, message);
  }
}

/** Wrong stage or state (409). */
export class ConflictError extends DomainError {
  readonly status = 409;
  constructor(code: string, message: string, readonly extra?: Record<string, unknown>) {
    super(code, message);
  }
}

/** Well-formed but refused as a whole, e.g. an Idempotency-Key reused for another request (422). */
export class UnprocessableError extends DomainError {
  readonly status = 422;
  constructor(code: string, message: string) {
    super(code, message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(message = 'Authentication required', code = 'unauthenticated') {
    super(code, message);
  }
}
