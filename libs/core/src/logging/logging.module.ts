// Structured JSON logs (pretty on a terminal in development); secrets are redacted. nestjs-pino
// provides the application logger only: its per-request middleware (a pino-http child logger and an
// AsyncLocalStorage scope on every request, logged or not) is not applied to any route. Instead
// registerRequestLog adds one completion line per request, built only when info is logged; errors
// carry the request id themselves (HttpExceptionFilter).
import type { FastifyInstance } from 'fastify';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { AppConfig, LOG_LEVELS } from '../config/app-config';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
];

@Module({})
export class LoggingModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            // No route gets pino-http's middleware (see the header).
            forRoutes: [],
            pinoHttp: {
              level: config.LOG_LEVEL,
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              customProps: () => ({ service: 'open-cities' }),
              autoLogging: false,
              transport:
                config.NODE_ENV === 'development' && process.stdout.isTTY
                  ? { target: 'pino-pretty', options: { singleLine: true, ignore: 'pid,hostname,service' } }
                  : undefined,
            },
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}

/** Whether completion lines (info) are logged at this level. */
export function logsRequests(config: AppConfig): boolean {
  return config.LOG_LEVEL !== 'silent' && LOG_LEVELS.indexOf(config.LOG_LEVEL) >= LOG_LEVELS.indexOf('info');
}

/**
 * One line per completed request (health probes aside), at info, with the request id; nothing is
 * registered (no per-request cost at all) when info is not logged.
 */
export function registerRequestLog(fastify: FastifyInstance, config: AppConfig): void {
  if (!logsRequests(config)) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!request.url.startsWith('/api/health')) {
      PinoLogger.root.info(
        { reqId: request.id, req: { method: request.method, url: request.url }, res: { statusCode: reply.raw.statusCode }, responseTime: Math.round(reply.elapsedTime) },
        'request completed',
      );
    }
    done();
  });
}

