// The access token check the guard runs on every request: HS256 under this server's key, issuer,
// audience and times; a token verified once is remembered, but its expiry still ends it, and only
// verified tokens are remembered.
import { sign } from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';
import { AccessTokenVerifier } from './access-token-verifier';
import { Principal } from './principal';
import { PrincipalCache } from './principal-cache';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const config = { JWT_SECRET: SECRET, JWT_ISSUER: 'open-cities', JWT_AUDIENCE: 'open-cities-api', JWT_ACCESS_TTL_SECONDS: 900 } as AppConfig;
const principal: Principal = { userId: 'u-1', email: 'k@x.pl', name: 'K', locale: 'pl', sessionId: 's-1', grants: [] };

function token(claims: Record<string, unknown> = {}, secret = SECRET, options: { algorithm?: 'HS256' | 'HS384' } = {}): string {
  return sign({ sub: 'u-1', sid: 's-1', typ: 'access', ...claims }, secret, { algorithm: options.algorithm ?? 'HS256', issuer: 'open-cities', audience: 'open-cities-api', expiresIn: 900 });
}

const withBearer = (value: string) => ({ headers: { authorization: `Bearer ${value}` } });

describe('AccessTokenVerifier', () => {
  const get = jest.fn(async () => principal as Principal | false);
  const verifier = new AccessTokenVerifier(config, { get } as unknown as PrincipalCache);

  beforeEach(() => get.mockClear());
  afterEach(() => jest.useRealTimers());

  it('gives the principal of a valid access token, looked up by user and session', async () => {
    await expect(verifier.authenticate(withBearer(token()))).resolves.toBe(principal);
    expect(get).toHaveBeenCalledWith('u-1', 's-1');
  });

  it('refuses a missing header, another scheme, a bad signature, another algorithm, issuer or audience', async () => {
    await expect(verifier.authenticate({ headers: {} })).resolves.toBe(false);
    await expect(verifier.authenticate({ headers: { authorization: `Basic ${token()}` } })).resolves.toBe(false);
    await expect(verifier.authenticate(withBearer(token({}, 'another-secret-of-at-least-32-characters')))).resolves.toBe(false);
    await expect(verifier.authenticate(withBearer(token({}, SECRET, { algorithm: 'HS384' })))).resolves.toBe(false);
    await expect(verifier.authenticate(withBearer(sign({ sub: 'u-1', sid: 's-1', typ: 'access' }, SECRET, { issuer: 'x', audience: 'open-cities-api', expiresIn: 900 })))).resolves.toBe(false);
    await expect(verifier.authenticate(withBearer(sign({ sub: 'u-1', sid: 's-1', typ: 'access' }, SECRET, { issuer: 'open-cities', audience: 'x', expiresIn: 900 })))).resolves.toBe(false);
    const [header, payload] = token().split('.');
    await expect(verifier.authenticate(withBearer(`${header}.${payload}.`))).resolves.toBe(false);
    expect(get).not.toHaveBeenCalled();
  });

  it('refuses a refresh token and a token without expiry', async () => {
    await expect(verifier.authenticate(withBearer(token({ typ: 'refresh' })))).resolves.toBe(false);
    const eternal = sign({ sub: 'u-1', sid: 's-1', typ: 'access' }, SECRET, { issuer: 'open-cities', audience: 'open-cities-api' });
    await expect(verifier.authenticate(withBearer(eternal))).resolves.toBe(false);
    expect(get).not.toHaveBeenCalled();
  });

  it('ends a remembered token at its expiry, as on its first use', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const shortLived = token();
    await expect(verifier.authenticate(withBearer(shortLived))).resolves.toBe(principal);
    jest.setSystemTime(new Date('2026-12-07T12:14:59Z'));
    await expect(verifier.authenticate(withBearer(shortLived))).resolves.toBe(principal);
    jest.setSystemTime(new Date('2026-12-07T12:15:00Z'));
    await expect(verifier.authenticate(withBearer(shortLived))).resolves.toBe(false);
  });

  it('asks the principal cache on every request, so a revoked session ends at once', async () => {
    const same = token({ sid: 's-2' });
    await expect(verifier.authenticate(withBearer(same))).resolves.toBe(principal);
    get.mockResolvedValueOnce(false);
    await expect(verifier.authenticate(withBearer(same))).resolves.toBe(false);
    expect(get).toHaveBeenCalledTimes(2);
  });
});
