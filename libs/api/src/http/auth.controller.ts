// Sign-in, token refresh, logout, invitations and password resets (rate limited per IP and account).
import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { accountTracker, AuthThrottlerGuard, Authorize, CurrentPrincipal, Principal, Public, SignInBackoff, UnauthenticatedError } from '@app/core';
import { AccountsService, LoginDto, PasswordResetDto, RedeemTokenDto, RefreshDto, RequestMeta, TokenPairDto, UserDto } from '@app/domain';
import { Meta } from './request-meta';

@ApiTags('auth')
@ApiTooManyRequestsResponse({ description: 'Too many attempts from this IP or for this account (Retry-After)' })
@Controller()
export class AuthController {
  constructor(private readonly accounts: AccountsService, private readonly backoff: SignInBackoff) {}

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @SkipThrottle({ account: true })
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Limited per IP (attempts per minute) and per account by failures only: after AUTH_RATE_LIMIT_PER_ACCOUNT failed sign-ins in 15 minutes, ' +
      'each attempt waits a back-off of at most 5 s after the last failure (sooner: 429 with Retry-After ≤ 5). A success clears the count.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'Same answer for an unknown email and a wrong password' })
  async login(@Body() dto: LoginDto, @Meta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPairDto> {
    const account = accountTracker({ body: { email: dto.email } });
    await this.backoff.assertMayTry(account, reply);
    try {
      const pair = await this.accounts.login(dto.email, dto.password, meta);
      await this.backoff.succeeded(account);
      return pair;
    } catch (error) {
      if (error instanceof UnauthenticatedError) await this.backoff.failed(account);
      throw error;
    }
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the old one is spent, and reusing a spent one ends the session' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'Unknown, spent, revoked or expired refresh token' })
  refresh(@Body() dto: RefreshDto, @Meta() meta: RequestMeta): Promise<TokenPairDto> {
    return this.accounts.refresh(dto.refreshToken, meta);
  }

  @Authorize('session.self')
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session' })
  @ApiNoContentResponse()
  async logout(@CurrentPrincipal() principal: Principal, @Body() dto: RefreshDto, @Meta() meta: RequestMeta): Promise<void> {
    await this.accounts.logout(principal, dto.refreshToken, meta);
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation by choosing a password (at least 12 characters, not the email)' })
  @ApiOkResponse({ type: UserDto })
  acceptInvitation(@Body() dto: RedeemTokenDto, @Meta() meta: RequestMeta): Promise<UserDto> {
    return this.accounts.acceptInvitation(dto.token, dto.password, meta);
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for a password reset mail; always 202, whether or not the account exists' })
  @ApiAcceptedResponse()
  async requestPasswordReset(@Body() dto: PasswordResetDto, @Meta() meta: RequestMeta): Promise<void> {
    await this.accounts.requestPasswordReset(dto.email, meta);
  }

  @Public()
  @UseGuards(AuthThrottlerGuard)
  @Post('auth/password-reset/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with the token from the reset mail; ends every session' })
  @ApiOkResponse({ type: UserDto })
  confirmPasswordReset(@Body() dto: RedeemTokenDto, @Meta() meta: RequestMeta): Promise<UserDto> {
    return this.accounts.confirmPasswordReset(dto.token, dto.password, meta);
  }
}
