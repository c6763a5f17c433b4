// What happens after a send attempt fails: retry later (with the job's exponential backoff) or give
// up and show the delivery as failed. Pure, with its own spec.
import { SmtpError } from './mail/smtp-client';

/** Attempts per delivery; equal to the send job's attempts (DEFAULT_JOB_OPTIONS). */
export const MAX_SEND_ATTEMPTS = 8;

/** A refusal the server will repeat (5xx), or a recipient we may not write to. */
export function isPermanent(error: unknown): boolean {
  return (error instanceof SmtpError && error.permanent) || error instanceof PermanentDeliveryError;
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
