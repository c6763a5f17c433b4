// Named throttlers for the sign-in routes: `ip` (per minute) and `account` (per 15 minutes), with
// counters in Redis when it is configured (shared by every api instance), in memory otherwise.
// Sign-in itself skips `account`: SignInBackoff counts its failures only and only delays.
import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { accountTracker, AuthThrottlerGuard } from './auth-throttler.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { SignInBackoff } from './sign-in-backoff';

const REDIS_THROTTLER_STORAGE = Symbol('redis-throttler-storage');

/** A provider (not a bare object) so Nest closes its Redis connection on shutdown. */
@Module({
  providers: [
    {
      provide: REDIS_THROTTLER_STORAGE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.REDIS_URL ? new RedisThrottlerStorage(config.REDIS_URL, config.QUEUE_PREFIX) : null,
    },
  ],
  exports: [REDIS_THROTTLER_STORAGE],
})
class ThrottlerStorageModule {}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [AppConfig, REDIS_THROTTLER_STORAGE],
      useFactory: (config: AppConfig, redisStorage: RedisThrottlerStorage | null) => ({
        storage: redisStorage ?? undefined,
        throttlers: [
          { name: 'ip', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_IP },
          {
            name: 'account',
            ttl: 15 * 60_000,
            limit: config.AUTH_RATE_LIMIT_PER_ACCOUNT,
            getTracker: (req: Record<string, unknown>) => accountTracker(req as { body?: Record<string, unknown>; ip?: string }),
          },
        ],
      }),
    }),
  ],
  providers: [AuthThrottlerGuard, SignInBackoff],
  exports: [AuthThrottlerGuard, ThrottlerModule, SignInBackoff],
})
export class ThrottlingModule {}
