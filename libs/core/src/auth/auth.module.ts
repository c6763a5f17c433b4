// Authentication (passport JWT) and authorization (global AccessGuard + AccessService).
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { AuditRecorder } from './audit-recorder';
import { JwtStrategy } from './jwt.strategy';
import { PrincipalCache } from './principal-cache';
import { PrincipalChangeListener } from './principal-change-listener';

@Global()
@Module({
  imports: [PassportModule],
  providers: [JwtStrategy, PrincipalCache, PrincipalChangeListener, AccessService, AuditRecorder, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessService, AuditRecorder, PrincipalCache, PrincipalChangeListener],
})
export class AuthModule {}
