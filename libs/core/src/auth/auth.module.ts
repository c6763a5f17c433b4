// Authentication (access tokens, verified by the guard itself) and authorization (the global AccessGuard over the domain's
// OBJECT_ACCESS, which the application provides from the domain's AccessModule). The principal
// cache and the audit recorder likewise reach the domain's tables only through its PRINCIPAL_SOURCE
// and AUDIT_LOG, which the application provides with this module.
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuditRecorder } from './audit-recorder';
import { AccessTokenVerifier } from './access-token-verifier';
import { PrincipalCache } from './principal-cache';
import { PrincipalChangeListener } from './principal-change-listener';

@Global()
@Module({
  providers: [AccessTokenVerifier, PrincipalCache, PrincipalChangeListener, AuditRecorder, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuditRecorder, PrincipalCache, PrincipalChangeListener],
})
export class AuthModule {}
