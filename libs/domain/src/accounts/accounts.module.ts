// Accounts, sessions and tokens.
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccountsService } from './accounts.service';

@Module({
  imports: [JwtModule.register({})],
  providers: [AccountsService],
  exports: [AccountsService],
})
export class AccountsModule {}
