// Verifies access tokens (HS256 only, issuer and audience checked, expiry enforced) and looks the
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
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: AppConfig, private readonly principals: PrincipalCache) {
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
    return this.principals.get(claims.sub, claims.sid);
  }
}
