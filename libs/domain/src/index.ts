export * from './accounts/accounts.module';
export * from './accounts/accounts.service';
export * from './accounts/dto/auth.dto';
export * from './accounts/passwords';
export * from './entities';
