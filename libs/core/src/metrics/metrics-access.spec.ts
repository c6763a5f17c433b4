import { isLoopback, metricsAccess } from './metrics-access';

describe('metricsAccess', () => {
  const token = 'metrics-token-0123456789';

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('allows loopback %s without a token', (ip) => {
    expect(isLoopback(ip)).toBe(true);
    expect(metricsAccess(ip, undefined, undefined)).toBe('allowed');
  });

  it('keeps metrics private elsewhere when no token is configured', () => {
    expect(metricsAccess('10.0.0.5', `Bearer ${token}`, undefined)).toBe(403);
    expect(metricsAccess('::ffff:10.0.0.5', undefined, undefined)).toBe(403);
  });

  it('asks for the configured token elsewhere', () => {
    expect(metricsAccess('10.0.0.5', `Bearer ${token}`, token)).toBe('allowed');
    expect(metricsAccess('10.0.0.5', `bearer ${token}`, token)).toBe('allowed');
    expect(metricsAccess('10.0.0.5', undefined, token)).toBe(401);
    expect(metricsAccess('10.0.0.5', `Bearer ${token}x`, token)).toBe(401);
    expect(metricsAccess('10.0.0.5', token, token)).toBe(401);
  });
});
