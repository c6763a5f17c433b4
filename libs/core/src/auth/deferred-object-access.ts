// For a route whose one statement states its object rule itself (e.g. the score write checks the
// juror's grant and conflicts in SQL), the guard's separate object check would be a second round
// trip saying what the statement says. On such routes (Authorize's checkedByStatement) the guard
// leaves the check on the request instead, and the exception filter runs it only when the route
// fails (invalid body, refused write, anything) before answering: the check's 404/403 then wins, as
// if it had run first. A success means the statement found the rule satisfied, so outcomes are
// those of check-first; the authorization matrix is the proof. (In the filter, not an interceptor:
// any interceptor puts an rxjs pipeline on every request of the route.)

export const DEFERRED_OBJECT_CHECK = Symbol('deferred-object-check');

export interface DeferredCheckRequest {
  [DEFERRED_OBJECT_CHECK]?: () => Promise<void>;
}

/** The check the guard deferred on this request, at most once (then it is gone). */
export function takeDeferredObjectCheck(request: DeferredCheckRequest | undefined): (() => Promise<void>) | undefined {
  const check = request?.[DEFERRED_OBJECT_CHECK];
  if (check) delete request[DEFERRED_OBJECT_CHECK];
  return check;
}
