// Structured JSON logs with request ids (pretty on a terminal in development); secrets are redacted.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
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
            // Health probes come often and say nothing worth a request logger.
            exclude: [{ method: RequestMethod.ALL, path: 'health/{*rest}' }],
            pinoHttp: {
              level: config.LOG_LEVEL,
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              // Fastify assigns the request id (libs/api/src/create-api.ts); pino-http reuses it.
              genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
              customProps: () => ({ service: 'open-cities' }),
              // Request loggers bind the request id only (not a serialized request: that cost a
              // large share of a cheap request); the completion line carries the details.
              quietReqLogger: true,
              // Completion lines are info: skip building them when info is not logged.
              autoLogging: LOG_LEVELS.indexOf(config.LOG_LEVEL) >= LOG_LEVELS.indexOf('info') && config.LOG_LEVEL !== 'silent'
                ? { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/api/health') }
                : false,
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
