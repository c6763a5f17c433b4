// Accounts, sessions and tokens.
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';

@Module({
  imports: [JwtModule.register({})],
  providers: [AccountsService, AccountsRepository],
  exports: [AccountsService],
})
export class AccountsModule {}
