// Request and response shapes of the accounts and auth routes.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ListQuery, ROLES, Role, RequiredText } from '@app/core';

export const LOCALES = ['pl', 'en', 'uk', 'ru', 'vi', 'es', 'fr'] as const;

export class LoginDto {
  @ApiProperty({ example: 'koordynator@example.org' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 1 })
  @RequiredText(1024)
  password!: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
}

export class RefreshDto {
  @ApiProperty()
  @IsString({ message: 'must be text' })
  @MinLength(20, { message: 'is not a refresh token' })
  @MaxLength(200)
  refreshToken!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'ekspert.lublin@example.org' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Anna Kowalska' })
  @RequiredText(200)
  name!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'pl' })
  @IsOptional()
  @IsIn(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` })
  locale?: string;
}

export class RedeemTokenDto {
  @ApiProperty({ description: 'The token from the invitation or reset mail' })
  @IsString({ message: 'must be text' })
  @MinLength(20, { message: 'is invalid or has expired' })
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 12 })
  @IsString({ message: 'must be text' })
  @MinLength(12, { message: 'must be at least 12 characters long' })
  @MaxLength(1024)
  password!: string;
}

export class PasswordResetDto {
  @ApiProperty()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;
}

export class RoleGrantView {
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiPropertyOptional({ format: 'uuid' }) editionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) cityId?: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty() locale!: string;
  @ApiProperty({ type: [RoleGrantView] }) roles!: RoleGrantView[];
}

/** A role as the people list shows it: with the edition's year and the city's name. */
export class UserRoleView extends RoleGrantView {
  @ApiPropertyOptional() editionYear?: number;
  @ApiPropertyOptional() cityName?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty() locale!: string;
  @ApiProperty({ enum: ['invited', 'active', 'disabled'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiPropertyOptional({ type: [UserRoleView], description: 'The roles the person holds (in the list of users)' }) roles?: UserRoleView[];
}

export class UserListQuery extends ListQuery {
  @ApiPropertyOptional({ enum: ROLES, description: 'Only people holding this role (in any edition or city)' })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;
}

export class UserPage {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` })
  locale?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(200)
  name?: string;
}
