// The public read side: published editions, awards, the catalogue of good practice.
import { Module } from '@nestjs/common';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';

@Module({ providers: [CatalogueService, CatalogueRepository], exports: [CatalogueService] })
export class CatalogueModule {}
