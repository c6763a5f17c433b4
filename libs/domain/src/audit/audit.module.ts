// The audit trail's read side (coordinators); writing is AuditRecorder's, in core.
import { Module } from '@nestjs/common';
import { AuditTrailRepository } from './audit-trail.repository';
import { AuditService } from './audit.service';

@Module({ providers: [AuditService, AuditTrailRepository], exports: [AuditService] })
export class AuditModule {}
