// What the API says about certificates: the public verification, the coordinator's list, the
// references on the public award and city pages.
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CERTIFICATE_LANGUAGES, CertificateLanguage } from '../certificate.entity';

export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** A certificate in force, as the public award page and the official's city page list it. */
export class CertificateRef {
  @ApiProperty({ enum: CERTIFICATE_LANGUAGES }) language!: CertificateLanguage;
  @ApiProperty({ description: 'The code of the verification page /verify/{code}; the PDF is at /api/public/certificates/{code}/pdf' }) code!: string;
}

export class VerifiedAward {
  @ApiProperty() year!: number;
  @ApiProperty() editionName!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ type: String, nullable: true }) recipientUnit!: string | null;
  @ApiProperty({ type: [String] }) categories!: string[];
}

export class CertificateVerification {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: 'valid: in force; revoked: replaced after a correction or withdrawn' }) status!: CertificateStatus;
  @ApiProperty({ enum: CERTIFICATE_LANGUAGES }) language!: CertificateLanguage;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: Date | null;
  @ApiProperty({ type: VerifiedAward, nullable: true, description: 'What the certificate confirms (valid certificates only)' }) award!: VerifiedAward | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where to download the PDF (valid certificates only)' }) pdfUrl!: string | null;
}

/** A certificate with its state, for the coordinator. */
export class CertificateView {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: CERTIFICATE_LANGUAGES }) language!: CertificateLanguage;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status!: CertificateStatus;
  @ApiProperty() verifyUrl!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) revokedReason!: string | null;
  @ApiProperty({ description: 'Whether the edition is published (the public can verify and download it)' }) published!: boolean;
}

export class CertificateLanguageParam {
  @ApiProperty({ enum: CERTIFICATE_LANGUAGES })
  @IsIn(CERTIFICATE_LANGUAGES, { message: `must be one of ${CERTIFICATE_LANGUAGES.join(', ')}` })
  language!: CertificateLanguage;
}
