// Generated documents: certificates of distinction (public verification and download, the
// coordinator's list and drafts) and the jury's protocol.
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, CurrentPrincipal, Principal, Public } from '@app/core';
import { CertificateLanguageParam, CertificatesService, CertificateVerification, CertificateView, ProtocolQuery, ProtocolService } from '@app/domain';
import { contentDisposition } from './reports.controller';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly certificates: CertificatesService, private readonly protocol: ProtocolService) {}

  @Public()
  @Get('public/certificates/:code')
  @ApiOperation({
    summary: 'Verify a certificate of distinction by its code (the page /verify/{code} shows this)',
    description: 'valid: in force, with what it confirms; revoked: replaced after a correction or withdrawn. A code that was never issued, or belongs to an edition not yet published, answers 404.',
  })
  @ApiOkResponse({ type: CertificateVerification })
  verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }

  @Public()
  @Get('public/certificates/:code/pdf')
  @ApiOperation({ summary: 'Download a certificate in force of a published edition (PDF)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate', schema: { type: 'string', format: 'binary' } })
  async publicPdf(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.certificates.openPublic(code);
    await sendPdf(reply, file, 'public, max-age=300');
  }

  @Authorize('award.manage')
  @Get('awards/:id/certificates')
  @ApiOperation({ summary: 'The award’s certificates in every language, revoked ones included (coordinators; issued from deliberation on)' })
  @ApiOkResponse({ type: [CertificateView] })
  list(@Param('id') id: string): Promise<CertificateView[]> {
    return this.certificates.listForAward(id);
  }

  @Authorize('award.manage')
  @Get('awards/:id/certificate.pdf')
  @ApiOperation({ summary: 'Download the award’s certificate in force in a language, published or not (coordinators)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate', schema: { type: 'string', format: 'binary' } })
  async awardPdf(@Param('id') id: string, @Query() query: CertificateLanguageParam, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.certificates.openForAward(id, query.language);
    await sendPdf(reply, file, 'private, no-store');
  }

  @Authorize('edition.protocol.read')
  @Get('editions/:id/protocol.pdf')
  @ApiOperation({
    summary: 'The jury’s protocol (PDF, coordinators, from deliberation on): jurors, conflicts, ranking, agreement, awards, stage history, signatures',
    description: 'Generated on each request with the ranking GET /results gives for the method. A draft until the edition is decided, final from then on (header X-Protocol-Final).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The protocol', schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({ description: '`wrong_stage`: the edition is not yet in deliberation' })
  async protocolPdf(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ProtocolQuery, @Res() reply: FastifyReply): Promise<void> {
    const { pdf, final, filename } = await this.protocol.render(principal, id, query.method);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(filename))
      .header('x-protocol-final', String(final))
      .header('cache-control', 'private, no-store')
      .send(pdf);
  }
}

async function sendPdf(reply: FastifyReply, file: { stream: NodeJS.ReadableStream; size: number; filename: string }, cacheControl: string): Promise<void> {
  await reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cacheControl)
    .send(file.stream);
}
