// Editions, categories, cities and assignments.
import { Module } from '@nestjs/common';
import { EditionsService } from './editions.service';

@Module({ providers: [EditionsService], exports: [EditionsService] })
export class EditionsModule {}
