import { SmtpError } from './mail/smtp-client';
import { isPermanent, PermanentDeliveryError, statusAfterFailure } from './delivery-policy';

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
});
