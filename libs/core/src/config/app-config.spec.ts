import { ConfigError, exitOnConfigError, loadConfig, loadConfigOrExit } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  JWT_SECRET: 'x'.repeat(40),
};

describe('loadConfig', () => {
  it('applies defaults and chooses the PostgreSQL queue backend without REDIS_URL', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.queueBackend).toBe('postgres');
  });

  it('chooses Redis when REDIS_URL is set', () => {
    expect(loadConfig({ ...valid, REDIS_URL: 'redis://127.0.0.1:6379' }).queueBackend).toBe('redis');
  });

  it('reads the object storage settings (path-style for MinIO)', () => {
    const config = loadConfig({ ...valid, S3_BUCKET: 'files', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' });
    expect(config).toMatchObject({ S3_BUCKET: 'files', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true });
    expect(loadConfig(valid).S3_BUCKET).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be an integer between 1 and 65535 \(got "abc"\)$/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL/],
    [{ DATABASE_URL: undefined }, /DATABASE_URL .*\(it is not set\)$/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error/],
    [{ QUEUE_BACKEND: 'redis' }, /QUEUE_BACKEND=redis needs REDIS_URL/],
    [{ S3_ENDPOINT: 'http://minio:9000' }, /S3_ENDPOINT is set but S3_BUCKET is not/],
    [{ S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'key' }, /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/],
    [{ S3_BUCKET: 'Bad_Bucket' }, /S3_BUCKET must be a bucket name/],
    [{ S3_BUCKET: 'files', S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE must be true or false/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16 characters/],
    [{ METRICS_PORT: '70000' }, /METRICS_PORT must be an integer/],
  ])('rejects %p with one line naming the variable', (override, message) => {
    const attempt = () => loadConfig({ ...valid, ...override });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('loadConfig reads values', () => {
  it('parses valid integers, surrounding blanks and bounds included', () => {
    const config = loadConfig({
      ...valid,
      PORT: ' 8080 ',
      JWT_ACCESS_TTL_SECONDS: '60',
      JWT_REFRESH_TTL_DAYS: '90',
      AUTH_RATE_LIMIT_PER_IP: '1',
      AUTH_RATE_LIMIT_PER_ACCOUNT: '7',
    });
    expect(config.PORT).toBe(8080);
    expect(config.JWT_ACCESS_TTL_SECONDS).toBe(60);
    expect(config.JWT_REFRESH_TTL_DAYS).toBe(90);
    expect(config.AUTH_RATE_LIMIT_PER_IP).toBe(1);
    expect(config.AUTH_RATE_LIMIT_PER_ACCOUNT).toBe(7);
    expect(loadConfig({ ...valid, PORT: '65535', JWT_ACCESS_TTL_SECONDS: '3600', JWT_REFRESH_TTL_DAYS: '1' }).PORT).toBe(65535);
    expect(loadConfig({ ...valid, PORT: '0' }).PORT).toBe(0);
  });

  it('keeps the defaults of every optional value', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      NODE_ENV: 'development', JWT_ISSUER: 'open-cities', JWT_AUDIENCE: 'open-cities-api', JWT_ACCESS_TTL_SECONDS: 900, JWT_REFRESH_TTL_DAYS: 14,
      AUTH_RATE_LIMIT_PER_IP: 60, AUTH_RATE_LIMIT_PER_ACCOUNT: 20, MAIL_FROM: 'Open Cities <no-reply@open-cities.local>', HOST: '127.0.0.1',
      DATA_DIR: './.data', QUEUE_PREFIX: 'oc',
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('takes the values it is given and ignores other variables', () => {
    const config = loadConfig({
      ...valid, NODE_ENV: 'production', JWT_ISSUER: 'iss', JWT_AUDIENCE: 'aud', MAIL_FROM: 'A <a@b.c>', HOST: '0.0.0.0', DATA_DIR: '/var/oc',
      QUEUE_PREFIX: 'oc_test-1', LOG_LEVEL: 'debug', SMTP_URL: 'smtps://mail.example.org:465', PUBLIC_URL: 'https://oc.example.org',
      CORS_ORIGINS: 'https://a.example', REDIS_URL: 'rediss://r:6380', QUEUE_BACKEND: 'postgres', UNRELATED: 'x',
    });
    expect(config).toMatchObject({
      NODE_ENV: 'production', JWT_ISSUER: 'iss', JWT_AUDIENCE: 'aud', MAIL_FROM: 'A <a@b.c>', HOST: '0.0.0.0', DATA_DIR: '/var/oc',
      QUEUE_PREFIX: 'oc_test-1', LOG_LEVEL: 'debug', SMTP_URL: 'smtps://mail.example.org:465', CORS_ORIGINS: 'https://a.example',
    });
    expect(config.publicUrl).toBe('https://oc.example.org');
    expect(config.queueBackend).toBe('postgres');
    expect(config).not.toHaveProperty('UNRELATED');
    expect(loadConfig({ ...valid, DATABASE_URL: 'postgresql://u@h/db' }).DATABASE_URL).toBe('postgresql://u@h/db');
    expect(loadConfig({ ...valid, PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
  });

  it('states CC BY 4.0 as the open-data licence unless told otherwise', () => {
    expect(loadConfig(valid)).toMatchObject({ OPEN_DATA_LICENCE: 'CC BY 4.0', OPEN_DATA_LICENCE_URL: 'https://creativecommons.org/licenses/by/4.0/' });
    const config = loadConfig({ ...valid, OPEN_DATA_LICENCE: 'CC0 1.0', OPEN_DATA_LICENCE_URL: 'https://creativecommons.org/publicdomain/zero/1.0/' });
    expect(config).toMatchObject({ OPEN_DATA_LICENCE: 'CC0 1.0', OPEN_DATA_LICENCE_URL: 'https://creativecommons.org/publicdomain/zero/1.0/' });
  });

  it('reads an empty optional value as not set', () => {
    const config = loadConfig({ ...valid, REDIS_URL: '', QUEUE_BACKEND: ' ', SMTP_URL: '', PUBLIC_URL: '  ', CORS_ORIGINS: '' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.QUEUE_BACKEND).toBeUndefined();
    expect(config.queueBackend).toBe('postgres');
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.PUBLIC_URL).toBeUndefined();
    expect(config.CORS_ORIGINS).toBeUndefined();
  });

  it('reads an empty DATABASE_URL as missing', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: '' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL.*\(it is not set\)$/);
  });

  it.each([
    ['PORT', '65536', 'PORT must be an integer between 1 and 65535 (got "65536")'],
    ['PORT', '-1', 'PORT must be an integer between 1 and 65535 (got "-1")'],
    ['PORT', '80.5', 'PORT must be an integer between 1 and 65535 (got "80.5")'],
    ['PORT', '1e3', 'PORT must be an integer between 1 and 65535 (got "1e3")'],
    ['JWT_ACCESS_TTL_SECONDS', '59', 'JWT_ACCESS_TTL_SECONDS must be at least 60 (got "59")'],
    ['JWT_ACCESS_TTL_SECONDS', '3601', 'JWT_ACCESS_TTL_SECONDS must be at most 3600 (got "3601")'],
    ['JWT_ACCESS_TTL_SECONDS', 'soon', 'JWT_ACCESS_TTL_SECONDS must be an integer number of seconds (got "soon")'],
    ['JWT_REFRESH_TTL_DAYS', '0', 'JWT_REFRESH_TTL_DAYS must be at least 1 (got "0")'],
    ['JWT_REFRESH_TTL_DAYS', '91', 'JWT_REFRESH_TTL_DAYS must be at most 90 (got "91")'],
    ['JWT_REFRESH_TTL_DAYS', 'x', 'JWT_REFRESH_TTL_DAYS must be an integer number of days (got "x")'],
    ['AUTH_RATE_LIMIT_PER_IP', '0', 'AUTH_RATE_LIMIT_PER_IP must be at least 1 (got "0")'],
    ['AUTH_RATE_LIMIT_PER_IP', 'many', 'AUTH_RATE_LIMIT_PER_IP must be an integer (requests per minute per IP on sign-in routes) (got "many")'],
    ['AUTH_RATE_LIMIT_PER_ACCOUNT', '0', 'AUTH_RATE_LIMIT_PER_ACCOUNT must be at least 1 (got "0")'],
    ['AUTH_RATE_LIMIT_PER_ACCOUNT', '', 'AUTH_RATE_LIMIT_PER_ACCOUNT must be an integer (failed sign-ins per 15 minutes per account before each attempt waits a back-off of at most 5 s; attempts on the other sign-in routes per 15 minutes) (got "")'],
    ['NODE_ENV', 'staging', 'NODE_ENV must be one of development, production, test (got "staging")'],
    ['REDIS_URL', 'http://r', 'REDIS_URL must be a redis:// or rediss:// URL (got "http://r")'],
    ['REDIS_URL', 'redis://a b', 'REDIS_URL must be a redis:// or rediss:// URL (got "redis://a b")'],
    ['QUEUE_BACKEND', 'kafka', 'QUEUE_BACKEND must be redis or postgres (got "kafka")'],
    ['SMTP_URL', 'mail.example.org', 'SMTP_URL must be an smtp:// or smtps:// URL (got "mail.example.org")'],
    ['PUBLIC_URL', 'ftp://x', 'PUBLIC_URL must be an http(s):// URL (got "ftp://x")'],
    ['OPEN_DATA_LICENCE', '', 'OPEN_DATA_LICENCE must not be empty (got "")'],
    ['OPEN_DATA_LICENCE_URL', 'creativecommons.org', 'OPEN_DATA_LICENCE_URL must be an http(s):// URL (got "creativecommons.org")'],
    ['QUEUE_PREFIX', 'OC', 'QUEUE_PREFIX must be 1-32 characters of a-z, 0-9, _ or - (got "OC")'],
    ['QUEUE_PREFIX', 'a'.repeat(33), `QUEUE_PREFIX must be 1-32 characters of a-z, 0-9, _ or - (got "${'a'.repeat(33)}")`],
    ['DATABASE_URL', 'postgres://a b', 'DATABASE_URL must be a postgres:// URL, e.g. postgres://user:pass@127.0.0.1:5432/open_cities (got "postgres://a b")'],
    ['JWT_SECRET', 'x'.repeat(31), `JWT_SECRET must be at least 32 characters of random text (got "${'x'.repeat(31)}")`],
  ])('refuses %s=%p with its own message', (key, value, message) => {
    expect(() => loadConfig({ ...valid, [key]: value })).toThrow(`Invalid configuration: ${message}`);
  });

  it('accepts the bounds of each limit', () => {
    expect(loadConfig({ ...valid, JWT_SECRET: 'x'.repeat(32), QUEUE_PREFIX: 'a'.repeat(32) }).QUEUE_PREFIX).toHaveLength(32);
    expect(loadConfig({ ...valid, REDIS_URL: 'redis://r:6379', QUEUE_BACKEND: 'redis' }).queueBackend).toBe('redis');
  });
});

describe('configuration errors at the entry points', () => {
  it('prints one line and exits 1 on a ConfigError', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exited');
    }) as never);
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => loadConfigOrExit({ ...valid, PORT: 'x' })).toThrow('exited');
      expect(write).toHaveBeenCalledWith('Invalid configuration: PORT must be an integer between 1 and 65535 (got "x")\n');
      expect(exit).toHaveBeenCalledWith(1);
      expect(loadConfigOrExit(valid).PORT).toBe(3000);
    } finally {
      exit.mockRestore();
      write.mockRestore();
    }
  });

  it('rethrows anything else', () => {
    const other = new TypeError('bug');
    expect(() => exitOnConfigError(other)).toThrow(other);
    expect(new ConfigError('x').name).toBe('ConfigError');
  });
});
