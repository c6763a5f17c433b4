// Certificate jobs: issuing one award's certificates in every language.
import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobPayloads } from '@app/core';
import { CertificatesService } from '@app/domain';

@Injectable()
@HandlesJob('certificates.render')
export class CertificatesRenderHandler implements JobHandler<'certificates.render'> {
  constructor(private readonly certificates: CertificatesService) {}

  /** Idempotent: certificates stating the same facts as the ones in force are not issued again. */
  handle({ awardId }: JobPayloads['certificates.render']): Promise<{ issued: number }> {
    return this.certificates.render(awardId);
  }
}
