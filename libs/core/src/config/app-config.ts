// Owns the process configuration: one validated class shared by the api, the worker and the CLI.
import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type QueueBackendKind = 'redis' | 'postgres';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** The environment as the app reads it. Every field names its variable. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'], { message: 'NODE_ENV must be one of development, production, test' })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, {
    message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://user:pass@127.0.0.1:5432/open_cities',
  })
  DATABASE_URL!: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['redis', 'postgres'], { message: 'QUEUE_BACKEND must be redis or postgres' })
  QUEUE_BACKEND?: QueueBackendKind;

  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters of random text' })
  JWT_SECRET!: string;

  @IsString({ message: 'JWT_ISSUER must be text' })
  JWT_ISSUER = 'open-cities';

  @IsString({ message: 'JWT_AUDIENCE must be text' })
  JWT_AUDIENCE = 'open-cities-api';

  @Transform(toInt)
  @IsInt({ message: 'JWT_ACCESS_TTL_SECONDS must be an integer number of seconds' })
  @Min(60, { message: 'JWT_ACCESS_TTL_SECONDS must be at least 60' })
  @Max(3600, { message: 'JWT_ACCESS_TTL_SECONDS must be at most 3600' })
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt({ message: 'JWT_REFRESH_TTL_DAYS must be an integer number of days' })
  @Min(1, { message: 'JWT_REFRESH_TTL_DAYS must be at least 1' })
  @Max(90, { message: 'JWT_REFRESH_TTL_DAYS must be at most 90' })
  JWT_REFRESH_TTL_DAYS = 14;

  @Transform(toInt)
  @IsInt({ message: 'AUTH_RATE_LIMIT_PER_IP must be an integer (requests per minute per IP on sign-in routes)' })
  @Min(1, { message: 'AUTH_RATE_LIMIT_PER_IP must be at least 1' })
  AUTH_RATE_LIMIT_PER_IP = 60;

  @Transform(toInt)
  @IsInt({ message: 'AUTH_RATE_LIMIT_PER_ACCOUNT must be an integer (attempts per 15 minutes per account)' })
  @Min(1, { message: 'AUTH_RATE_LIMIT_PER_ACCOUNT must be at least 1' })
  AUTH_RATE_LIMIT_PER_ACCOUNT = 20;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString({ message: 'MAIL_FROM must be text, e.g. "Open Cities <no-reply@example.org>"' })
  MAIL_FROM = 'Open Cities <no-reply@open-cities.local>';

  /**
   * How long a send attempt holds its delivery: a worker that dies mid-send leaves its claim, and
   * the delivery is sent again once the claim has run out. Longer than any send (nodemailer's
   * timeouts are 15-30 s); tests shorten it.
   */
  @Transform(toInt)
  @IsInt({ message: 'NOTIFICATION_CLAIM_SECONDS must be an integer number of seconds' })
  @Min(1, { message: 'NOTIFICATION_CLAIM_SECONDS must be at least 1' })
  @Max(3600, { message: 'NOTIFICATION_CLAIM_SECONDS must be at most 3600' })
  NOTIFICATION_CLAIM_SECONDS = 120;

  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
  PORT = 3000;

  @IsString({ message: 'HOST must be an interface address, e.g. 127.0.0.1 or 0.0.0.0' })
  HOST = '127.0.0.1';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s):// URL' })
  PUBLIC_URL?: string;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsString({ message: 'DATA_DIR must be a directory path' })
  DATA_DIR = './.data';

  @Matches(/^[a-z0-9_-]{1,32}$/, { message: 'QUEUE_PREFIX must be 1-32 characters of a-z, 0-9, _ or -' })
  QUEUE_PREFIX = 'oc';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString({ message: 'CORS_ORIGINS must be a comma-separated list of origins' })
  CORS_ORIGINS?: string;

  get queueBackend(): QueueBackendKind {
    return this.QUEUE_BACKEND ?? (this.REDIS_URL ? 'redis' : 'postgres');
  }

  get publicUrl(): string {
    return this.PUBLIC_URL ?? `http://localhost:${this.PORT}`;
  }
}

const CONFIG_KEYS = [
  'NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'QUEUE_BACKEND', 'JWT_SECRET', 'JWT_ISSUER', 'JWT_AUDIENCE',
  'JWT_ACCESS_TTL_SECONDS', 'JWT_REFRESH_TTL_DAYS', 'AUTH_RATE_LIMIT_PER_IP', 'AUTH_RATE_LIMIT_PER_ACCOUNT', 'SMTP_URL', 'MAIL_FROM', 'NOTIFICATION_CLAIM_SECONDS', 'PORT', 'HOST', 'PUBLIC_URL',
  'LOG_LEVEL', 'DATA_DIR', 'CORS_ORIGINS', 'QUEUE_PREFIX',
] as const satisfies readonly (keyof AppConfig)[];

/** A configuration problem; its message is one line meant for the operator. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function firstProblem(errors: ValidationError[]): string {
  const error = errors[0];
  const message = Object.values(error.constraints ?? {})[0] ?? `${error.property} is invalid`;
  const got = error.value === undefined ? 'it is not set' : `got ${JSON.stringify(String(error.value))}`;
  return `${message} (${got})`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const plain: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined) plain[key] = value;
  }
  const config = plainToInstance(AppConfig, plain);
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(`Invalid configuration: ${firstProblem(errors)}`);
  }
  if (config.QUEUE_BACKEND === 'redis' && !config.REDIS_URL) {
    throw new ConfigError('Invalid configuration: QUEUE_BACKEND=redis needs REDIS_URL (it is not set)');
  }
  return config;
}

/** Prints a configuration error as one line and exits 1; anything else is rethrown. */
export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

/** The configuration, or a one-line message and exit 1 (entry points). */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    exitOnConfigError(error);
  }
}
