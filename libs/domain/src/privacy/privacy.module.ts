// People's data: export and erasure.
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [AccountsModule],
  providers: [PrivacyService, PrivacyRepository],
  exports: [PrivacyService],
})
export class PrivacyModule {}
