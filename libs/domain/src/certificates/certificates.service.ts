// Certificates of distinction: which events ask for them (an award recorded or corrected in
// deliberation, an edition published), issuing one per award and language (idempotent: the same
// facts never issue a second code; changed facts revoke the code in force and issue a new one),
// revoking them when an award is removed, and reading them (verification, downloads, lists).
import { randomBytes, createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, FILE_STORAGE, FileStorage, JobQueue, NotFoundError, OutboxEventPayloads, UnitOfWork } from '@app/core';
import { CERTIFICATE_LANGUAGES, CertificateLanguage } from './certificate.entity';
import { CertificateFacts, certificateFingerprint, renderCertificate } from './certificate-pdf';
import { CertificateRow, CertificatesRepository } from './certificates.repository';
import { CertificateView, CertificateVerification } from './dto/certificate.dto';

/** Letters and digits that cannot be mistaken for one another when typed from paper. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export function newCertificateCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  return Array.from(bytes, (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

export const CERTIFICATE_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{10}$/;

@Injectable()
export class CertificatesService {
  private readonly staging: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly repository: CertificatesRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {
    this.staging = resolve(config.DATA_DIR, 'files', 'incoming');
  }

  verifyUrl(code: string): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}/verify/${code}`;
  }

  /**
   * Queues the certificate work an outbox event asks for (one job per award, its id derived from
   * the event's, so a redelivered event queues nothing new). Runs before the event is marked processed.
   */
  async onOutboxEvent(outboxId: string): Promise<number> {
    const event = await this.repository.pendingEvent(this.dataSource.manager, outboxId);
    if (!event) return 0;
    let awardIds: string[] = [];
    if (event.type === 'award.changed') {
      awardIds = [(event.payload as OutboxEventPayloads['award.changed']).awardId];
    } else if (event.type === 'edition.stageChanged') {
      const { editionId, to } = event.payload as OutboxEventPayloads['edition.stageChanged'];
      if (to === 'published') awardIds = await this.repository.awardIdsOfEdition(this.dataSource.manager, editionId);
    }
    if (awardIds.length === 0) return 0;
    await this.jobs.enqueueBulk(awardIds.map((awardId) => ({ name: 'certificates.render' as const, data: { awardId }, jobId: `certificates-${outboxId}-${awardId}` })));
    return awardIds.length;
  }

  /**
   * The safety net: awards of published editions without their certificates (data loaded without
   * events, like the demo's; a render job lost for good) get a render job. The job id changes per
   * sweep window, so an award whose earlier job completed is queued again.
   */
  async sweep(windowMs: number, limit = 100): Promise<number> {
    const awardIds = await this.repository.publishedAwardsWithoutCertificates(this.dataSource.manager, CERTIFICATE_LANGUAGES, limit);
    const window = Math.floor(Date.now() / windowMs);
    await this.jobs.enqueueBulk(awardIds.map((awardId) => ({ name: 'certificates.render' as const, data: { awardId }, jobId: `certificates-sweep-${awardId}-${window}` })));
    return awardIds.length;
  }

  /** Brings the award's certificates in every language up to date; returns how many were issued. */
  async render(awardId: string): Promise<{ issued: number }> {
    let issued = 0;
    for (const language of CERTIFICATE_LANGUAGES) {
      if (await this.ensure(awardId, language)) issued += 1;
    }
    return { issued };
  }

  /**
   * Issues the award's certificate in the language unless the one in force states the same facts.
   * The PDF is stored first and the row written under the award's lock after checking again, so a
   * redelivered or concurrent job issues nothing twice (its stored copy is removed).
   */
  async ensure(awardId: string, language: CertificateLanguage, attempts = 3): Promise<boolean> {
    const facts = await this.repository.facts(this.dataSource.manager, awardId);
    if (!facts) return false;
    const { editionId, ...content } = facts;
    const fingerprint = certificateFingerprint(content, language);
    if ((await this.repository.current(this.dataSource.manager, awardId, language))?.fingerprint === fingerprint) return false;

    const code = newCertificateCode();
    const pdf = await renderCertificate(content, language, code, this.verifyUrl(code));
    const storageKey = `certificates/${editionId}/${code.toLowerCase()}-${language}`;
    await this.put(storageKey, pdf);
    let outcome: 'issued' | 'same' | 'stale';
    try {
      outcome = await this.uow.run(async ({ manager }) => {
        if (!(await this.repository.lockAward(manager, awardId))) return 'same';
        if ((await this.repository.current(manager, awardId, language))?.fingerprint === fingerprint) return 'same';
        // The award changed while this copy was rendered: render again from what it says now.
        const now = await this.repository.facts(manager, awardId);
        if (!now || certificateFingerprint(withoutEdition(now), language) !== fingerprint) return 'stale';
        await this.repository.revokeCurrent(manager, awardId, 'corrected', language);
        await this.repository.insert(manager, { code, awardId, editionId, language, storageKey, size: pdf.length, sha256: sha256(pdf), fingerprint });
        return 'issued';
      });
    } catch (error) {
      await this.storage.remove(storageKey);
      throw error;
    }
    if (outcome !== 'issued') await this.storage.remove(storageKey);
    if (outcome === 'stale' && attempts > 1) return this.ensure(awardId, language, attempts - 1);
    return outcome === 'issued';
  }

  /** Revokes the award's certificates in force (the award is being removed), in the caller's transaction. */
  async revokeForAward(manager: EntityManager, awardId: string): Promise<void> {
    await this.repository.revokeCurrent(manager, awardId, 'award removed');
  }

  /**
   * What the public verification page shows. Certificates of editions not yet published are
   * unknown to the public (a code issued in deliberation discloses nothing before publication).
   */
  async verify(code: string): Promise<CertificateVerification> {
    const row = CERTIFICATE_CODE_PATTERN.test(code) ? await this.repository.byCode(this.dataSource.manager, code) : undefined;
    if (!row || !row.published) throw new NotFoundError('Certificate');
    const facts = row.awardId && !row.revokedAt ? await this.repository.facts(this.dataSource.manager, row.awardId) : undefined;
    return {
      code: row.code,
      status: row.revokedAt ? 'revoked' : 'valid',
      language: row.language,
      issuedAt: row.createdAt,
      revokedAt: row.revokedAt,
      award: facts
        ? { year: facts.year, editionName: facts.editionName, city: facts.cityName, recipientUnit: facts.recipientUnit, categories: facts.categories.map((category) => category.name) }
        : null,
      pdfUrl: row.revokedAt ? null : `/api/public/certificates/${row.code}/pdf`,
    };
  }

  /** The PDF of a certificate in force of a published edition (the public download). */
  async openPublic(code: string): Promise<{ stream: Readable; size: number; filename: string }> {
    const row = CERTIFICATE_CODE_PATTERN.test(code) ? await this.repository.byCode(this.dataSource.manager, code) : undefined;
    if (!row || !row.published || row.revokedAt) throw new NotFoundError('Certificate');
    return this.openRow(row);
  }

  /** Every certificate of an award, revoked ones included (coordinators, from deliberation on). */
  async listForAward(awardId: string): Promise<CertificateView[]> {
    return (await this.repository.ofAward(this.dataSource.manager, awardId)).map((row) => this.toView(row));
  }

  /** The award's certificate in force in the language, published or not (coordinators). */
  async openForAward(awardId: string, language: CertificateLanguage): Promise<{ stream: Readable; size: number; filename: string }> {
    const row = await this.repository.current(this.dataSource.manager, awardId, language);
    if (!row) throw new NotFoundError('Certificate');
    return this.openRow(row);
  }

  private async openRow(row: CertificateRow): Promise<{ stream: Readable; size: number; filename: string }> {
    const { stream, size } = await this.storage.open(row.storageKey);
    return { stream, size, filename: `certificate-${row.code}-${row.language}.pdf` };
  }

  private toView(row: CertificateRow): CertificateView {
    return {
      code: row.code,
      language: row.language,
      status: row.revokedAt ? 'revoked' : 'valid',
      verifyUrl: this.verifyUrl(row.code),
      issuedAt: row.createdAt,
      revokedAt: row.revokedAt,
      revokedReason: row.revokedReason,
      published: row.published,
    };
  }

  private async put(key: string, bytes: Buffer): Promise<void> {
    await mkdir(this.staging, { recursive: true });
    const local = join(this.staging, `${key.replace(/\//g, '-')}-${randomBytes(4).toString('hex')}`);
    await writeFile(local, bytes);
    await this.storage.putFile(key, local, { size: bytes.length, sha256: sha256(bytes), contentType: 'application/pdf' });
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function withoutEdition(facts: CertificateFacts & { editionId: string }): CertificateFacts {
  const { editionId: _editionId, ...content } = facts;
  return content;
}
