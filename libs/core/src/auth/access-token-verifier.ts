// Verifies access tokens (HS256 only, issuer and audience checked, expiry required and enforced) and looks the
// principal up in the PrincipalCache (kept current by LISTEN/NOTIFY; the database when it cannot be),
// so logout, revocation and disabling take effect at once without a query per request.
//
// Called by the AccessGuard directly, without passport: passport's per-request machinery (a new
// authenticate middleware, strategy clone and callbacks on every request) did nothing this one
// strategy needs. A token verified once is remembered (bounded, until its expiry): the same bytes
// under the same key and options verify the same way, so a client's next request costs a lookup
// instead of an HMAC and a JSON parse; only the time-dependent checks are repeated. (Together ~9% of
// the API's CPU on bench P4.)
import { createSecretKey, KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { verify } from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import { ExtractJwt } from 'passport-jwt';
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
  nbf?: number;
}

/** Clock difference tolerated between the signer and this verifier, in seconds. */
const CLOCK_SKEW_SECONDS = 30;

/** Verified tokens remembered at most (a few hundred bytes each). */
export const VERIFIED_TOKENS_MAX = 10_000;

/**
 * jsonwebtoken enforces `exp` only when present: a token must carry both times, not be issued in the
 * future, and not claim a longer life than this server gives (a key holder could mint eternal ones).
 */
export function hasSaneLifetime(claims: Pick<AccessTokenClaims, 'iat' | 'exp'>, ttlSeconds: number, nowSeconds = Date.now() / 1000): boolean {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(iat) || !Number.isFinite(exp)) return false;
  return iat <= nowSeconds + CLOCK_SKEW_SECONDS && exp > iat && exp - iat <= ttlSeconds + CLOCK_SKEW_SECONDS;
}

/** The bearer token of the Authorization header, parsed as passport-jwt always did. */
const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

@Injectable()
export class AccessTokenVerifier {
  // The HMAC key as a KeyObject, built once: given the string, jsonwebtoken first tries to parse it
  // as a PEM public key on every verification and falls back after the exception (13% of the API's
  // CPU on a score write, bench P2). Same bytes as jsonwebtoken's own fallback, so the same tokens verify.
  private readonly key: KeyObject;
  private readonly verified = new LRUCache<string, AccessTokenClaims>({ max: VERIFIED_TOKENS_MAX });

  constructor(private readonly config: AppConfig, private readonly principals: PrincipalCache) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET));
  }

  /** The principal the request's access token names, or false (no, bad, expired or revoked token). */
  async authenticate(request: { headers: Record<string, string | string[] | undefined> }): Promise<Principal | false> {
    const token = bearerToken(request as never);
    if (!token) return false;
    const claims = this.claimsOf(token);
    return claims ? this.validate(claims) : false;
  }

  async validate(claims: AccessTokenClaims): Promise<Principal | false> {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    if (!hasSaneLifetime(claims, this.config.JWT_ACCESS_TTL_SECONDS)) return false;
    return this.principals.get(claims.sub, claims.sid);
  }

  /** The token's claims when its signature, algorithm, issuer, audience and times are right. */
  private claimsOf(token: string): AccessTokenClaims | undefined {
    const known = this.verified.get(token);
    // jsonwebtoken's own expiry rule: expired from the second `exp` on.
    if (known) return Math.floor(Date.now() / 1000) < known.exp! ? known : undefined;
    let claims: unknown;
    try {
      claims = verify(token, this.key, { algorithms: [JWT_ALGORITHM], issuer: this.config.JWT_ISSUER, audience: this.config.JWT_AUDIENCE, ignoreExpiration: false });
    } catch {
      return undefined;
    }
    if (typeof claims !== 'object' || claims === null) return undefined;
    const verifiedClaims = claims as AccessTokenClaims;
    // Remembered only with an expiry to enforce and no not-before to wait for.
    if (typeof verifiedClaims.exp === 'number' && Number.isFinite(verifiedClaims.exp) && verifiedClaims.nbf === undefined) this.verified.set(token, verifiedClaims);
    return verifiedClaims;
  }
}
