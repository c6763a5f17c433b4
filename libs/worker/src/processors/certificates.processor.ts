// Certificate jobs: issuing one award's certificates in every language, and the sweep that finds
// published awards still without them.
import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobPayloads } from '@app/core';
import { CertificatesService } from '@app/domain';

export const CERTIFICATES_SWEEP_EVERY_MS = 60_000;

@Injectable()
@HandlesJob('certificates.render')
export class CertificatesRenderHandler implements JobHandler<'certificates.render'> {
  constructor(private readonly certificates: CertificatesService) {}

  /** Idempotent: certificates stating the same facts as the ones in force are not issued again. */
  handle({ awardId }: JobPayloads['certificates.render']): Promise<{ issued: number }> {
    return this.certificates.render(awardId);
  }
}

@Injectable()
@HandlesJob('certificates.sweep')
export class CertificatesSweepHandler implements JobHandler<'certificates.sweep'> {
  constructor(private readonly certificates: CertificatesService) {}

  async handle(): Promise<{ queued: number }> {
    return { queued: await this.certificates.sweep(CERTIFICATES_SWEEP_EVERY_MS) };
  }
}
