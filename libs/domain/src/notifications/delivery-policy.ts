// What happens after a send attempt fails: retry later (with the job's exponential backoff) or give
// up and show the delivery as failed; and whether the message may have reached the server anyway.
// Pure, with its own spec.

/** Attempts per delivery; equal to the send job's attempts (DEFAULT_JOB_OPTIONS). */
export const MAX_SEND_ATTEMPTS = 8;

/** The SMTP reply code nodemailer attaches to a refusal (`responseCode`), if the server replied. */
function replyCodeOf(error: unknown): number | null {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : null;
}

/** A refusal the server will repeat (5xx), or a recipient we may not write to. */
export function isPermanent(error: unknown): boolean {
  const code = replyCodeOf(error);
  return (code !== null && code >= 500) || error instanceof PermanentDeliveryError;
}

/** Failures that happen before any byte of the message leaves: no connection, no TLS, refused sign-in. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EDNS', 'ETLS', 'EREQUIRETLS', 'EAUTH', 'ENOAUTH']);

/**
 * False only when the failure shows that the server did not take the message: it replied with a
 * refusal, or no connection was made. A broken connection or a timeout after the data went out
 * leaves the outcome unknown (the server may have accepted it), so the attempt counts as a hand-over.
 */
export function mayHaveBeenHandedOver(error: unknown): boolean {
  if (error instanceof PermanentDeliveryError || replyCodeOf(error) !== null) return false;
  const { code, errno, originalCode } = (error ?? {}) as { code?: unknown; errno?: unknown; originalCode?: unknown };
  const text = error instanceof Error ? error.message : String(error);
  // nodemailer reports a failed TLS handshake (untrusted certificate) as ESOCKET with the TLS code as originalCode.
  const tlsFailed = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|^ERR_TLS|^ERR_SSL/.test(String(originalCode ?? ''));
  return !(tlsFailed || NOT_CONNECTED.has(String(code)) || NOT_CONNECTED.has(String(errno)) || /\bECONNREFUSED\b/.test(text));
}

export function statusAfterFailure(attempts: number, permanent: boolean, maxAttempts = MAX_SEND_ATTEMPTS): 'pending' | 'failed' {
  return permanent || attempts >= maxAttempts ? 'failed' : 'pending';
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}

/** The delivery cannot be sent as it stands (e.g. the recipient was disabled); no retry. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** The attempt failed and the delivery waits for another; thrown so the job retries with backoff. */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
}
