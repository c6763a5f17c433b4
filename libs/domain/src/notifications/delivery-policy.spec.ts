import { describeError, isPermanent, mayHaveBeenHandedOver, MAX_SEND_ATTEMPTS, PermanentDeliveryError, RetryLaterError, statusAfterFailure } from './delivery-policy';

/** An error shaped as nodemailer reports it: `code`, and `responseCode` when the server replied. */
const smtpError = (message: string, code: string, responseCode?: number) => Object.assign(new Error(message), { code, responseCode });

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
    expect(isPermanent(smtpError('Can\'t send mail - all recipients were rejected: 550 no such user', 'EENVELOPE', 550))).toBe(true);
    expect(isPermanent(smtpError('451 try later', 'EENVELOPE', 451))).toBe(false);
    expect(isPermanent(smtpError('connect ECONNREFUSED 127.0.0.1:25', 'ESOCKET'))).toBe(false);
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

  it('counts an attempt as a possible hand-over unless the server refused or was never reached', () => {
    expect(mayHaveBeenHandedOver(smtpError('Connection closed unexpectedly', 'ECONNECTION'))).toBe(true);
    expect(mayHaveBeenHandedOver(smtpError('Timeout', 'ETIMEDOUT'))).toBe(true);
    expect(mayHaveBeenHandedOver(smtpError('read ECONNRESET', 'ESOCKET'))).toBe(true);
    expect(mayHaveBeenHandedOver(smtpError('Message failed: 554 rejected', 'EMESSAGE', 554))).toBe(false);
    expect(mayHaveBeenHandedOver(smtpError('connect ECONNREFUSED 127.0.0.1:25', 'ESOCKET'))).toBe(false);
    expect(mayHaveBeenHandedOver(smtpError('Invalid login: 535 bad credentials', 'EAUTH', 535))).toBe(false);
    expect(mayHaveBeenHandedOver(new PermanentDeliveryError('disabled'))).toBe(false);
  });
});
