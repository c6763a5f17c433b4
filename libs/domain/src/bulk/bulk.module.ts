// Bulk actions with a per-item result: each item goes through the single action's service.
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CitiesModule } from '../cities/cities.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { EditionsModule } from '../editions/editions.module';
import { ReportsModule } from '../reports/reports.module';
import { BulkAwardsService } from './bulk-awards.service';
import { BulkEligibilityService } from './bulk-eligibility.service';
import { PeopleImportService } from './people-import.service';

@Module({
  imports: [AccountsModule, CitiesModule, DecisionsModule, EditionsModule, ReportsModule],
  providers: [BulkEligibilityService, BulkAwardsService, PeopleImportService],
  exports: [BulkEligibilityService, BulkAwardsService, PeopleImportService],
})
export class BulkModule {}
