// The signed-in user's own profile, and user administration for coordinators.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService, CreateUserDto, ErasedUserView, EraseUserDto, MeDto, PersonalDataView, PrivacyService, RequestMeta, UpdateMeDto, UserDto, UserListQuery, UserPage } from '@app/domain';
import { Authorize, CurrentPrincipal, Idempotent, Principal } from '@app/core';
import { Meta } from './request-meta';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly privacy: PrivacyService,
  ) {}

  @Authorize('session.self')
  @Get('me')
  @ApiOperation({ summary: 'Who I am and which roles I hold' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): MeDto {
    return this.accounts.me(principal);
  }

  @Authorize('session.self')
  @Patch('me')
  @ApiOperation({ summary: 'Change my language or display name' })
  @ApiOkResponse({ type: MeDto })
  updateMe(@CurrentPrincipal() principal: Principal, @Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.accounts.updateMe(principal, dto);
  }

  @Authorize('session.self')
  @Get('me/data')
  @ApiOperation({
    summary: 'Download my data',
    description: 'Everything the platform holds about me as JSON: account, roles, reports, scores and comments, declared conflicts, notes, notifications, sessions and my own actions in the audit trail.',
  })
  @ApiOkResponse({ type: PersonalDataView })
  async myData(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<PersonalDataView> {
    reply.header('content-disposition', 'attachment; filename="my-data.json"').header('cache-control', 'private, no-store');
    return this.privacy.myData(principal);
  }

  @Authorize('users.manage')
  @Post('users/:userId/erase')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase a person on request (pseudonymise)',
    description:
      'Name and e-mail are replaced by a pseudonym in the account and everywhere the platform copied them (deliveries, audit details, stored answers, outbox); sessions and tokens end. ' +
      'Scores, reports and notes stay under the pseudonym, so results do not change. Refused while the person holds a role in an edition that is not decided (`active_grant`), ' +
      'for oneself (`cannot_erase_self`), for the last active coordinator (`last_coordinator`) and twice (`already_erased`).',
  })
  @ApiOkResponse({ type: ErasedUserView })
  @ApiConflictResponse({ description: '`active_grant`, `cannot_erase_self`, `last_coordinator` or `already_erased`' })
  erase(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: EraseUserDto, @Meta() meta: RequestMeta): Promise<ErasedUserView> {
    return this.privacy.erase(principal, userId, dto.reason, meta);
  }

  @Authorize('users.manage')
  @Post('users')
  @Idempotent()
  @ApiOperation({ summary: 'Create a user; an invitation goes out by notification' })
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto, @Meta() meta: RequestMeta): Promise<UserDto> {
    return this.accounts.createUser(principal, dto, meta);
  }

  @Authorize('users.manage')
  @Get('users')
  @ApiOperation({ summary: 'List users with their roles (search by name or email with q, filter by role)' })
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: UserListQuery): Promise<UserPage> {
    return this.accounts.listUsers(query.limit, query.offset, query.q, query.role);
  }

  @ApiOperation({ summary: 'One account with its roles (coordinators only)' })
  @Authorize('users.manage')
  @Get('users/:userId')
  @ApiOkResponse({ type: UserDto })
  get(@Param('userId', ParseUUIDPipe) userId: string): Promise<UserDto> {
    return this.accounts.getUser(userId);
  }

  @Authorize('users.manage')
  @Post('users/:userId/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user: every session ends at once' })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: '`cannot_disable_self`: your own account; `last_coordinator`: the last active coordinator' })
  disable(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string, @Meta() meta: RequestMeta): Promise<UserDto> {
    return this.accounts.setDisabled(principal, userId, true, meta);
  }

  @ApiOperation({ summary: 'Enable a disabled account again (the person can sign in)' })
  @Authorize('users.manage')
  @Post('users/:userId/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  enable(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string, @Meta() meta: RequestMeta): Promise<UserDto> {
    return this.accounts.setDisabled(principal, userId, false, meta);
  }
}
