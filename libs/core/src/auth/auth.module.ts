// Authentication (passport JWT) and authorization (the global AccessGuard over the domain's
// OBJECT_ACCESS, which the application provides from the domain's AccessModule). The principal
// cache and the audit recorder likewise reach the domain's tables only through its PRINCIPAL_SOURCE
// and AUDIT_LOG, which the application provides with this module.
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard';
import { AuditRecorder } from './audit-recorder';
import { JwtStrategy } from './jwt.strategy';
import { PrincipalCache } from './principal-cache';
import { PrincipalChangeListener } from './principal-change-listener';

@Global()
@Module({
  imports: [PassportModule],
  providers: [JwtStrategy, PrincipalCache, PrincipalChangeListener, AuditRecorder, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuditRecorder, PrincipalCache, PrincipalChangeListener],
})
export class AuthModule {}
