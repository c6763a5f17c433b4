// Who may read the metrics: callers on loopback (a Prometheus beside the process, an operator's
// curl), or anyone presenting METRICS_TOKEN as a bearer token. Shared by the API and the worker.
import { timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'allowed' | 401 | 403;

export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  const address = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Loopback is always allowed. Elsewhere: without METRICS_TOKEN the metrics stay private (403);
 * with it, the caller must present it (401 when missing or wrong).
 */
export function metricsAccess(ip: string | undefined, authorization: string | undefined, token: string | undefined): MetricsAccess {
  if (isLoopback(ip)) return 'allowed';
  if (!token) return 403;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match && sameSecret(match[1], token) ? 'allowed' : 401;
}

export const METRICS_DENIED_MESSAGE: Record<401 | 403, string> = {
  401: 'Metrics need the METRICS_TOKEN as a bearer token',
  403: 'Metrics are served to loopback only (set METRICS_TOKEN to allow scrapers elsewhere)',
};
