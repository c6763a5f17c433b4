// Certificates of distinction: issuing (by the worker), revoking, verifying and downloading.
import { Module } from '@nestjs/common';
import { StorageModule } from '@app/core';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';

@Module({ imports: [StorageModule], providers: [CertificatesService, CertificatesRepository], exports: [CertificatesService] })
export class CertificatesModule {}
