// Owns the process configuration: one validated class shared by the api, the worker and the CLI.
import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
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
const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (text === '') return undefined;
  return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : value;
};
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
  @IsInt({ message: 'AUTH_RATE_LIMIT_PER_ACCOUNT must be an integer (failed sign-ins per 15 minutes per account before each attempt waits a back-off of at most 5 s; attempts on the other sign-in routes per 15 minutes)' })
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

  // Object storage for evidence files; unset S3_BUCKET keeps them on disk under DATA_DIR/files.
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name (3-63 characters of a-z, 0-9, . or -)' })
  S3_BUCKET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'S3_ENDPOINT must be an http(s):// URL, e.g. http://minio:9000 (unset for AWS S3)' })
  S3_ENDPOINT?: string;

  @Matches(/^[a-z0-9-]{2,32}$/, { message: 'S3_REGION must be a region name, e.g. us-east-1' })
  S3_REGION = 'us-east-1';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString({ message: 'S3_ACCESS_KEY_ID must be text' })
  S3_ACCESS_KEY_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString({ message: 'S3_SECRET_ACCESS_KEY must be text' })
  S3_SECRET_ACCESS_KEY?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false (true for MinIO)' })
  S3_FORCE_PATH_STYLE = false;

  // Metrics: /api/metrics answers loopback callers, or anyone with this bearer token.
  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters of random text' })
  METRICS_TOKEN?: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt({ message: 'METRICS_PORT must be an integer between 1 and 65535 (the worker\'s metrics port)' })
  @Min(0, { message: 'METRICS_PORT must be an integer between 1 and 65535 (the worker\'s metrics port)' })
  @Max(65535, { message: 'METRICS_PORT must be an integer between 1 and 65535 (the worker\'s metrics port)' })
  METRICS_PORT?: number;

  // The licence stated in every open-data download (catalogue CSV/JSON, Atom feed, statistics).
  @IsString({ message: 'OPEN_DATA_LICENCE must be text, e.g. "CC BY 4.0"' })
  @MinLength(1, { message: 'OPEN_DATA_LICENCE must not be empty' })
  OPEN_DATA_LICENCE = 'CC BY 4.0';

  @Matches(/^https?:\/\/[^\s]+$/, { message: 'OPEN_DATA_LICENCE_URL must be an http(s):// URL' })
  OPEN_DATA_LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

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
  'S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE',
  'METRICS_TOKEN', 'METRICS_PORT', 'OPEN_DATA_LICENCE', 'OPEN_DATA_LICENCE_URL',
] as const satisfies readonly (keyof AppConfig)[];

/** A configuration problem; its message is one line meant for the operator. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function firstProblem(errors: ValidationError[]): string {
  const error = errors[0];
  const constraints = error.constraints ?? {};
  // A value that is not a number at all breaks its bounds too: name the type problem, not a bound.
  const message = constraints.isInt ?? Object.values(constraints)[0] ?? `${error.property} is invalid`;
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
  const s3Problem = s3CombinationProblem(config);
  if (s3Problem) throw new ConfigError(`Invalid configuration: ${s3Problem}`);
  return config;
}

/** S3 settings only make sense together: a bucket, and both halves of a key pair or neither. */
function s3CombinationProblem(config: AppConfig): string | null {
  const s3Only = (['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).find((key) => config[key] !== undefined);
  if (!config.S3_BUCKET && s3Only) return `${s3Only} is set but S3_BUCKET is not (set S3_BUCKET to store files in object storage, or unset ${s3Only})`;
  if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
    return 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (set both, or neither to use the SDK\'s default credentials)';
  }
  return null;
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
