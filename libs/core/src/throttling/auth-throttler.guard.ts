// Rate limits for the sign-in family of routes, per IP and per account (the email in the body, or
// the token being redeemed). Exceeding either answers 429 with Retry-After.
import { createHash } from 'node:crypto';
import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';

/** The account an attempt targets: the email, or a hash of the token being redeemed. */
export function accountTracker(req: { body?: Record<string, unknown>; ip?: string }): string {
  const body = req.body ?? {};
  if (typeof body.email === 'string') return `email:${body.email.trim().toLowerCase()}`;
  const token = body.refreshToken ?? body.token;
  if (typeof token === 'string') return `token:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
  return `ip:${req.ip ?? 'unknown'}`;
}

@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const reply = context.switchToHttp().getResponse<{ header(name: string, value: string): void }>();
    reply.header('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    throw new HttpException(
      { message: 'Too many attempts; try again later', code: 'rate_limited' },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
