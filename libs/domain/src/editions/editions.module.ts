// Editions with their stage machine, their categories, and the assignments (role grants).
import { Module } from '@nestjs/common';
import { CategoriesRepository } from '../categories/categories.repository';
import { CategoriesService } from '../categories/categories.service';
import { CitiesModule } from '../cities/cities.module';
import { GrantsRepository } from '../grants/grants.repository';
import { GrantsService } from '../grants/grants.service';
import { EditionsRepository } from './editions.repository';
import { EditionsService } from './editions.service';
import { TextTranslationsModule } from '../text-translations/text-translations.module';

@Module({
  imports: [CitiesModule, TextTranslationsModule],
  providers: [EditionsService, EditionsRepository, CategoriesService, CategoriesRepository, GrantsService, GrantsRepository],
  exports: [EditionsService, CategoriesService, GrantsService],
})
export class EditionsModule {}
