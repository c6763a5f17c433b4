// The domain's answer to core's PRINCIPAL_SOURCE: the principal of a live session, read from the
// accounts' tables. Core's PrincipalCache calls it on a miss and whenever its invalidation is down.
import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PRINCIPAL_SOURCE, PrincipalSource, SessionPrincipal } from '@app/core';
import { AccountsRepository } from './accounts.repository';

@Injectable()
export class SessionPrincipals implements PrincipalSource {
  constructor(private readonly dataSource: DataSource, private readonly accounts: AccountsRepository) {}

  async load(userId: string, sessionId: string): Promise<SessionPrincipal | null> {
    const row = await this.accounts.sessionPrincipal(this.dataSource.manager, userId, sessionId);
    if (!row) return null;
    return {
      principal: { userId: row.id, email: row.email, name: row.name, locale: row.locale, sessionId, grants: row.grants },
      sessionExpiresAt: new Date(row.expiresAt).getTime(),
    };
  }
}

/** Provides the domain's session lookup to core's PrincipalCache. */
@Global()
@Module({ providers: [AccountsRepository, SessionPrincipals, { provide: PRINCIPAL_SOURCE, useExisting: SessionPrincipals }], exports: [PRINCIPAL_SOURCE] })
export class PrincipalSourceModule {}
