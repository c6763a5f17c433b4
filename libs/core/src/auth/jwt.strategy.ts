// Verifies access tokens (HS256 only, issuer and audience checked, expiry required and enforced) and looks the
// principal up in the PrincipalCache (kept current by LISTEN/NOTIFY; the database when it cannot be),
// so logout, revocation and disabling take effect at once without a query per request.
import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { Principal } from './principal';
import { PrincipalCache } from './principal-cache';

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
  constructor(private readonly config: AppConfig, private readonly principals: PrincipalCache) {
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
    return this.principals.get(claims.sub, claims.sid);
  }
}
