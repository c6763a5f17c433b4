// The per-account sign-in limit, which must never lock the owner out: it counts FAILED sign-ins
// only (a success clears them), and past the allowance it only delays. After `allowance` failures
// in the window, the next attempt must wait a back-off after the last failure (1, 2, 4, then 5 s
// at most); one sent sooner answers 429 with a Retry-After of at most 5 s and is not checked. A
// guesser gets about one try per 5 s per account; the owner gets in within seconds. The per-IP
// limit (throttling.module.ts) is what slows one address down.
import { HttpException, HttpStatus, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisConnectionFromUrl } from '../queue/queue-connection';

/** How long failures are remembered. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** The longest an attempt is ever made to wait. */
export const MAX_BACKOFF_SECONDS = 5;

export interface FailureRecord {
  failures: number;
  lastFailureMs: number;
}

/** Where failures are counted: in memory (one api process) or Redis (shared by every instance). */
export interface FailureStore {
  get(key: string): Promise<FailureRecord | null>;
  addFailure(key: string, nowMs: number): Promise<void>;
  clear(key: string): Promise<void>;
  close?(): Promise<void>;
}

export class MemoryFailureStore implements FailureStore {
  private readonly records = new Map<string, FailureRecord & { expiresMs: number }>();

  async get(key: string): Promise<FailureRecord | null> {
    const record = this.records.get(key);
    if (!record || record.expiresMs <= Date.now()) return null;
    return record;
  }

  async addFailure(key: string, nowMs: number): Promise<void> {
    const current = await this.get(key);
    this.records.set(key, { failures: (current?.failures ?? 0) + 1, lastFailureMs: nowMs, expiresMs: nowMs + FAILURE_WINDOW_MS });
    // Bounded memory: forget expired accounts now and then.
    if (this.records.size > 10_000) for (const [k, r] of this.records) if (r.expiresMs <= nowMs) this.records.delete(k);
  }

  async clear(key: string): Promise<void> {
    this.records.delete(key);
  }
}

// Stryker disable all: the Redis store needs a Redis, which the unit specs run without; it is
// checked against a real one by test/auth-hardening.e2e-spec.ts (sign-in throttling, Redis counters).
export class RedisFailureStore implements FailureStore {
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix: string) {
    this.redis = new Redis({ ...redisConnectionFromUrl(url), maxRetriesPerRequest: 2 });
  }

  private key(key: string): string {
    return `${this.prefix}:signin-failures:${key}`;
  }

  async get(key: string): Promise<FailureRecord | null> {
    const [failures, last] = await this.redis.hmget(this.key(key), 'failures', 'last');
    return failures ? { failures: Number(failures), lastFailureMs: Number(last) } : null;
  }

  async addFailure(key: string, nowMs: number): Promise<void> {
    await this.redis.multi().hincrby(this.key(key), 'failures', 1).hset(this.key(key), 'last', String(nowMs)).pexpire(this.key(key), FAILURE_WINDOW_MS).exec();
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
// Stryker restore all

/** Seconds the next attempt must wait after the last failure, given the failures so far. */
export function backoffSeconds(failures: number, allowance: number): number {
  if (failures < allowance) return 0;
  return Math.min(MAX_BACKOFF_SECONDS, 2 ** (failures - allowance));
}

@Injectable()
export class SignInBackoff implements OnApplicationShutdown {
  private readonly store: FailureStore;
  private readonly allowance: number;

  constructor(config: AppConfig) {
    this.store = config.REDIS_URL ? new RedisFailureStore(config.REDIS_URL, config.QUEUE_PREFIX) : new MemoryFailureStore();
    this.allowance = config.AUTH_RATE_LIMIT_PER_ACCOUNT;
  }

  /** Seconds to wait before this account may be tried again (0: now). */
  async waitFor(account: string, nowMs = Date.now()): Promise<number> {
    const record = await this.store.get(account);
    if (!record) return 0;
    const readyMs = record.lastFailureMs + backoffSeconds(record.failures, this.allowance) * 1000;
    return readyMs > nowMs ? Math.ceil((readyMs - nowMs) / 1000) : 0;
  }

  /** Refuses (429, Retry-After) an attempt that comes before its back-off has passed. */
  async assertMayTry(account: string, reply: { header(name: string, value: string): unknown }): Promise<void> {
    const wait = await this.waitFor(account);
    if (wait === 0) return;
    reply.header('Retry-After', String(wait));
    throw new HttpException({ message: `Too many failed sign-ins for this account; try again in ${wait} s`, code: 'rate_limited' }, HttpStatus.TOO_MANY_REQUESTS);
  }

  failed(account: string): Promise<void> {
    return this.store.addFailure(account, Date.now());
  }

  succeeded(account: string): Promise<void> {
    return this.store.clear(account);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close?.();
  }
}
