// For a route whose one statement states its object rule itself (e.g. the score write checks the
// juror's grant and conflicts in SQL), the guard's separate object check would be a second round
// trip saying what the statement says. On such routes (Authorize's checkedByStatement) the guard
// leaves the check on the request instead, and this interceptor runs it only when the route fails
// (invalid body, refused write, anything): the check's 404/403 then wins, as if it had run first.
// A success means the statement found the rule satisfied, so outcomes are those of check-first;
// the authorization matrix is the proof.
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';

export const DEFERRED_OBJECT_CHECK = Symbol('deferred-object-check');

export interface DeferredCheckRequest {
  [DEFERRED_OBJECT_CHECK]?: () => Promise<void>;
}

@Injectable()
export class DeferredObjectAccess implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<DeferredCheckRequest>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const check = request[DEFERRED_OBJECT_CHECK];
        if (!check) return throwError(() => error);
        return from(check()).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
