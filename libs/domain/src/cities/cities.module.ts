// Cities and their status page.
import { Module } from '@nestjs/common';
import { CitiesRepository } from './cities.repository';
import { CitiesService } from './cities.service';

@Module({ providers: [CitiesService, CitiesRepository], exports: [CitiesService] })
export class CitiesModule {}
