// LISTENs on principal_changed (sent by the triggers of migration PrincipalChangeNotify) over a
// connection of its own, outside the pool, and drops the principals concerned from the cache.
// When the connection is lost the cache is emptied and bypassed (every request reads the
// database) until the listener has re-subscribed; the cache is emptied again then, since
// notifications sent meanwhile were missed. A heartbeat notices a connection that died silently.
//
// The pool's connections LISTEN too (each once, when first handed out): PostgreSQL delivers a
// listening session's own notifications before the answer to its COMMIT (or autocommitted
// statement), so a change this process makes is applied to its cache before the code that made it
// goes on: a logout holds for the very next request here without a round trip per write.
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Notification, Pool, PoolClient } from 'pg';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { InvalidationChannel, PrincipalCache } from './principal-cache';

export const PRINCIPAL_CHANNEL = 'principal_changed';
export const PRINCIPAL_LISTENER_APPLICATION = 'open-cities-principal-listener';

export interface ListenerTiming {
  /** First wait before re-connecting; doubles up to maxRetryMs. */
  retryMs: number;
  maxRetryMs: number;
  heartbeatMs: number;
}

const DEFAULT_TIMING: ListenerTiming = { retryMs: 250, maxRetryMs: 5_000, heartbeatMs: 10_000 };

@Injectable()
export class PrincipalChangeListener implements InvalidationChannel, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PrincipalChangeListener.name);
  private client: Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private nextRetryMs: number;
  /** Pool connections that LISTEN (or are being told to). */
  private readonly listeningPoolClients = new WeakSet<Client>();
  private closed = false;
  subscribed = false;
  /** The listener's PostgreSQL backend pid while subscribed (tests cut it with pg_terminate_backend). */
  backendPid: number | null = null;
  timing: ListenerTiming = { ...DEFAULT_TIMING };
  /** Notifications applied so far and when the last one was (performance.now()): the staleness test reads them. */
  notificationsApplied = 0;
  lastNotificationAt = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly cache: PrincipalCache,
    private readonly dataSource: DataSource,
  ) {
    this.nextRetryMs = this.timing.retryMs;
    cache.attach(this);
  }

  async onModuleInit(): Promise<void> {
    this.listenOnPoolConnections();
    // Not awaited to the end on failure: the API serves (uncached) while the listener retries.
    await this.connect();
  }

  /** Resolves once subscribed (tests), or rejects after timeoutMs. */
  async whenSubscribed(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.subscribed) {
      if (Date.now() > deadline) throw new Error('principal listener not subscribed before the timeout');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: PRINCIPAL_LISTENER_APPLICATION,
      keepAlive: true,
    });
    this.client = client;
    client.on('notification', (message) => this.onNotification(message.payload ?? '*'));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${PRINCIPAL_CHANNEL}`);
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      if (this.client !== client) return;
      // Anything cached before this point may have missed a notification.
      this.cache.clear();
      this.backendPid = rows[0].pid;
      this.subscribed = true;
      this.nextRetryMs = this.timing.retryMs;
      this.heartbeatTimer = setInterval(() => this.heartbeat(client), this.timing.heartbeatMs).unref();
    } catch (error) {
      this.lost(client, error);
    }
  }

  /**
   * Every pool connection LISTENs from its first hand-out on ('acquire' is emitted before the
   * borrower gets the client, so the LISTEN is queued ahead of the borrower's statements). Its
   * notifications, its own transactions' included, invalidate the cache like the listener's.
   * A connection whose LISTEN failed is told again on its next hand-out.
   */
  private listenOnPoolConnections(): void {
    const pool = (this.dataSource.driver as { master?: Pool }).master;
    if (!pool || typeof pool.on !== 'function') return;
    pool.on('acquire', (client: PoolClient) => {
      if (this.listeningPoolClients.has(client)) return;
      this.listeningPoolClients.add(client);
      client.on('notification', (message: Notification) => {
        if (message.channel === PRINCIPAL_CHANNEL) this.invalidate(message.payload ?? '*');
      });
      client.query(`LISTEN ${PRINCIPAL_CHANNEL}`).catch(() => this.listeningPoolClients.delete(client));
    });
  }

  private onNotification(payload: string): void {
    this.invalidate(payload);
    this.notificationsApplied += 1;
    this.lastNotificationAt = performance.now();
  }

  private invalidate(payload: string): void {
    if (payload.startsWith('s:')) this.cache.invalidateSession(payload.slice(2));
    else if (payload.startsWith('u:')) this.cache.invalidateUser(payload.slice(2));
    else this.cache.clear();
  }

  private heartbeat(client: Client): void {
    const timeout = setTimeout(() => this.lost(client, new Error('heartbeat timed out')), this.timing.heartbeatMs / 2).unref();
    client
      .query('SELECT 1')
      .then(() => clearTimeout(timeout))
      .catch((error: unknown) => {
        clearTimeout(timeout);
        this.lost(client, error);
      });
  }

  /** Called once per lost client (error, end, failed connect or heartbeat): bypass, then retry. */
  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.subscribed = false;
    this.backendPid = null;
    this.cache.clear();
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(`principal cache bypassed, listener connection lost (${error instanceof Error ? error.message : 'closed'}); retrying in ${this.nextRetryMs} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.nextRetryMs);
    this.retryTimer.unref();
    this.nextRetryMs = Math.min(this.nextRetryMs * 2, this.timing.maxRetryMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    const client = this.client;
    this.client = null;
    this.subscribed = false;
    if (client) {
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
