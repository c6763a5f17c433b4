// The worker's metrics on their own port (METRICS_PORT; unset = off): the same process, queue and
// backlog metrics as the API's /api/metrics, with the same access rule (loopback or METRICS_TOKEN).
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, METRICS_DENIED_MESSAGE, metricsAccess } from '@app/core';
import { METRICS_CONTENT_TYPE, MetricsService } from '@app/domain';

@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.METRICS_PORT === undefined) return;
    const server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.METRICS_PORT, this.config.HOST, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${this.config.HOST}:${this.port()}/metrics`);
  }

  /** The port actually bound (METRICS_PORT=0 picks a free one), or null when off. */
  port(): number | null {
    return this.server ? (this.server.address() as AddressInfo).port : null;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') return this.reply(response, 404, 'text/plain', 'Not found: the worker serves GET /metrics only\n');
    const access = metricsAccess(request.socket.remoteAddress, request.headers.authorization, this.config.METRICS_TOKEN);
    if (access !== 'allowed') return this.reply(response, access, 'text/plain', `${METRICS_DENIED_MESSAGE[access]}\n`);
    try {
      this.reply(response, 200, METRICS_CONTENT_TYPE, await this.metrics.scrape());
    } catch (error) {
      this.logger.error(`metrics scrape failed: ${(error as Error).message}`);
      this.reply(response, 500, 'text/plain', 'Metrics could not be collected\n');
    }
  }

  private reply(response: ServerResponse, status: number, contentType: string, body: string): void {
    response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
  }
}
