// Verifies access tokens (HS256 only, issuer and audience checked, expiry required and enforced) and loads the
// principal fresh from the database, so logout, revocation and disabling take effect at once.
import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { Principal } from './principal';
import { Grant } from './roles';

export const JWT_ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  typ: 'access';
  iat?: number;
  exp?: number;
}

/** Clock difference tolerated between the signer and this verifier, in seconds. */
const CLOCK_SKEW_SECONDS = 30;

/**
 * jsonwebtoken enforces `exp` only when present: a token must carry both times, not be issued in the
 * future, and not claim a longer life than this server gives (a key holder could mint eternal ones).
 */
export function hasSaneLifetime(claims: Pick<AccessTokenClaims, 'iat' | 'exp'>, ttlSeconds: number, nowSeconds = Date.now() / 1000): boolean {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(iat) || !Number.isFinite(exp)) return false;
  return iat <= nowSeconds + CLOCK_SKEW_SECONDS && exp > iat && exp - iat <= ttlSeconds + CLOCK_SKEW_SECONDS;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(private readonly config: AppConfig, private readonly dataSource: DataSource) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // The HMAC key as a KeyObject, built once: given the string, jsonwebtoken first tries to parse
      // it as a PEM public key on every verification and falls back after the exception (13% of the
      // API's CPU on a score write, bench P2). Same bytes as jsonwebtoken's own fallback, so the same
      // tokens verify. (@types/passport-jwt types secretOrKey as string | Buffer; jsonwebtoken takes a KeyObject.)
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Principal | false> {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    if (!hasSaneLifetime(claims, this.config.JWT_ACCESS_TTL_SECONDS)) return false;
    return loadPrincipal(this.dataSource, claims.sub, claims.sid);
  }
}

export async function loadPrincipal(dataSource: DataSource, userId: string, sessionId: string): Promise<Principal | false> {
  const rows: (Omit<Principal, 'grants' | 'sessionId' | 'userId'> & { id: string; grants: Grant[] })[] = await dataSource.query(
    `SELECT u.id, u.email, u.name, u.locale,
            COALESCE(json_agg(json_build_object('id', g.id, 'role', g.role, 'editionId', g.edition_id, 'cityId', g.city_id))
                     FILTER (WHERE g.id IS NOT NULL), '[]') AS grants
       FROM app_user u
       JOIN auth_session s ON s.id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()
       LEFT JOIN role_grant g ON g.user_id = u.id
      WHERE u.id = $1 AND u.status = 'active'
      GROUP BY u.id`,
    [userId, sessionId],
  );
  const row = rows[0];
  if (!row) return false;
  return { userId: row.id, email: row.email, name: row.name, locale: row.locale, sessionId, grants: row.grants };
}
