import { SmtpError } from './mail/smtp-client';
import { describeError, isPermanent, MAX_SEND_ATTEMPTS, PermanentDeliveryError, RetryLaterError, statusAfterFailure } from './delivery-policy';

describe('delivery policy', () => {
  it('retries transient failures until the last attempt', () => {
    expect(statusAfterFailure(1, false, 3)).toBe('pending');
    expect(statusAfterFailure(2, false, 3)).toBe('pending');
    expect(statusAfterFailure(3, false, 3)).toBe('failed');
  });

  it('gives up at once on a permanent refusal', () => {
    expect(statusAfterFailure(1, true, 3)).toBe('failed');
  });

  it('treats 5xx replies and disabled recipients as permanent, 4xx and connection errors as transient', () => {
    expect(isPermanent(new SmtpError('RCPT TO refused: 550 no such user', 550, 'RCPT TO'))).toBe(true);
    expect(isPermanent(new SmtpError('MAIL FROM refused: 451 try later', 451, 'MAIL FROM'))).toBe(false);
    expect(isPermanent(new SmtpError('connect ECONNREFUSED', null, 'connect'))).toBe(false);
    expect(isPermanent(new PermanentDeliveryError('disabled'))).toBe(true);
    expect(isPermanent(new Error('boom'))).toBe(false);
  });

  it('allows as many attempts as the send job has by default', () => {
    expect(MAX_SEND_ATTEMPTS).toBe(8);
    expect(statusAfterFailure(MAX_SEND_ATTEMPTS - 1, false)).toBe('pending');
    expect(statusAfterFailure(MAX_SEND_ATTEMPTS, false)).toBe('failed');
    expect(statusAfterFailure(MAX_SEND_ATTEMPTS + 1, false)).toBe('failed');
  });

  it('keeps an error message for the delivery row, cut to 1000 characters', () => {
    expect(describeError(new Error('550 no such user'))).toBe('550 no such user');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError(42)).toBe('42');
    expect(describeError(new Error('x'.repeat(1000)))).toBe('x'.repeat(1000));
    const cut = describeError(new Error('y'.repeat(1001)));
    expect(cut).toHaveLength(1000);
    expect(cut).toBe(`${'y'.repeat(997)}...`);
  });

  it('names its errors so logs tell them apart', () => {
    expect(new PermanentDeliveryError('disabled').name).toBe('PermanentDeliveryError');
    expect(new RetryLaterError('later').name).toBe('RetryLaterError');
    expect(new RetryLaterError('later')).toBeInstanceOf(Error);
  });
});
