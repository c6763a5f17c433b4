// Accounts and sessions: sign-in, refresh-token rotation with reuse detection, logout, invitations,
// password resets, disabling. One transaction per command; mails leave through the outbox.
import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, EntityManager } from 'typeorm';
import {
  AppConfig,
  AuditRecorder,
  ConflictError,
  InvalidInputError,
  JWT_ALGORITHM,
  NotFoundError,
  Principal,
  Tx,
  UnauthenticatedError,
  UnitOfWork,
} from '@app/core';
import { AuditRepository } from '../audit/audit.repository';
import { pageTotal } from '../common/pg-errors';
import { AccountsRepository, UserRow } from './accounts.repository';
import { OneTimePurpose } from './auth-session.entity';
import { CreateUserDto, MeDto, TokenPairDto, UserDto } from './dto/auth.dto';
import { assertPasswordPolicy, burnVerification, hashPassword, needsRehash, normalizeEmail, verifyPassword } from './passwords';

export const ONE_TIME_TTL_HOURS: Record<OneTimePurpose, number> = { invitation: 7 * 24, passwordReset: 1 };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export interface RequestMeta {
  ip: string | null;
}

const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditRecorder,
  ) {}

  async login(emailInput: string, password: string, meta: RequestMeta): Promise<TokenPairDto> {
    const email = normalizeEmail(emailInput);
    const user = await this.accounts.findForSignIn(this.dataSource.manager, email);
    // Unknown, inactive and password-less accounts cost a verification too: timing tells nothing.
    const passwordHash = user?.status === 'active' ? user.password_hash : null;
    const ok = passwordHash ? await verifyPassword(passwordHash, password) : (await burnVerification(password), false);
    if (!user || !passwordHash || !ok) {
      await this.audit.record({ actorId: user?.id ?? null, action: 'auth.login', ip: meta.ip, outcome: 'failure', details: { reason: 'invalid_credentials' } });
      throw new UnauthenticatedError(INVALID_CREDENTIALS, 'invalid_credentials');
    }
    if (needsRehash(passwordHash)) {
      await this.accounts.setPasswordHash(this.dataSource.manager, user.id, await hashPassword(password));
    }
    return this.uow.run(async ({ manager }) => {
      const sessionId = await this.accounts.insertSession(manager, { userId: user.id, ttlDays: this.config.JWT_REFRESH_TTL_DAYS, ip: meta.ip });
      const pair = await this.issuePair(manager, user.id, sessionId);
      await this.audit.record({ actorId: user.id, action: 'auth.login', objectType: 'session', objectId: sessionId, ip: meta.ip, outcome: 'success' }, manager);
      return pair;
    });
  }

  /** Rotates a refresh token. A spent token presented again revokes its whole session (theft). */
  async refresh(refreshToken: string, meta: RequestMeta): Promise<TokenPairDto> {
    const outcome = await this.uow.run(async ({ manager }) => {
      const row = await this.accounts.lockRefreshToken(manager, sha256(refreshToken));
      if (!row) return { error: 'unknown_token' as const };
      if (row.spent_at) {
        await this.accounts.revokeSession(manager, row.session_id, 'refresh_reuse');
        await this.audit.record({ actorId: row.user_id, action: 'auth.refresh_reuse', objectType: 'session', objectId: row.session_id, ip: meta.ip, outcome: 'denied' }, manager);
        return { error: 'reused' as const };
      }
      if (row.revoked_at || row.expired || row.status !== 'active') return { error: 'session_ended' as const };
      await this.accounts.spendRefreshToken(manager, row.id);
      return { pair: await this.issuePair(manager, row.user_id, row.session_id) };
    });
    if ('error' in outcome) throw new UnauthenticatedError('The refresh token is not valid', outcome.error === 'reused' ? 'refresh_token_reused' : 'invalid_refresh_token');
    return outcome.pair;
  }

  async logout(principal: Principal, refreshToken: string, meta: RequestMeta): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      // The session of the presented token (if it is the caller's) and the caller's current one.
      await this.accounts.revokeForLogout(manager, principal.userId, principal.sessionId, sha256(refreshToken));
      await this.audit.record({ actorId: principal.userId, action: 'auth.logout', objectType: 'session', objectId: principal.sessionId, ip: meta.ip, outcome: 'success' }, manager);
    });
  }

  me(principal: Principal): MeDto {
    return {
      id: principal.userId,
      email: principal.email,
      name: principal.name,
      locale: principal.locale,
      roles: principal.grants.map(({ role, editionId, cityId }) => ({
        role,
        ...(editionId ? { editionId } : {}),
        ...(cityId ? { cityId } : {}),
      })),
    };
  }

  async updateMe(principal: Principal, changes: { locale?: string; name?: string }): Promise<MeDto> {
    await this.accounts.updateProfile(this.dataSource.manager, principal.userId, { locale: changes.locale ?? null, name: changes.name ?? null });
    return this.me({ ...principal, locale: changes.locale ?? principal.locale, name: changes.name ?? principal.name });
  }

  async createUser(actor: Principal, dto: CreateUserDto, meta: RequestMeta): Promise<UserDto> {
    return this.uow.run((tx) => this.createUserIn(tx, actor, dto, meta));
  }

  /** createUser in the caller's transaction (a row of a people import); `invite: false` leaves the invitation for later. */
  async createUserIn(tx: Tx, actor: Principal, dto: CreateUserDto, meta: RequestMeta, invite = true): Promise<UserDto> {
    const email = normalizeEmail(dto.email);
    const user = await this.accounts.insertInvited(tx.manager, { email, name: dto.name.trim(), locale: dto.locale ?? 'pl' });
    if (!user) throw new ConflictError('email_taken', `A user with the email ${email} already exists`);
    if (invite) await tx.emit('user.invited', { userId: user.id });
    await this.audit.record({ actorId: actor.userId, action: 'user.create', objectType: 'user', objectId: user.id, ip: meta.ip, outcome: 'success' }, tx.manager);
    return toUserDto(user);
  }

  /** The account with this e-mail address (compared as stored: normalized), if any. */
  async findByEmail(manager: EntityManager, email: string): Promise<UserDto | undefined> {
    const row = await this.accounts.findByEmail(manager, normalizeEmail(email));
    return row && toUserDto(row);
  }

  /**
   * Sends the invitation again to an account that has not accepted it yet (a fresh link; the
   * worker retires the older one). Answers whether it went out: active or disabled accounts get none.
   */
  async reinviteIn(tx: Tx, actor: Principal, userId: string, meta: RequestMeta): Promise<boolean> {
    const user = await this.accounts.find(tx.manager, userId);
    if (user?.status !== 'invited') return false;
    await tx.emit('user.invited', { userId });
    await this.audit.record({ actorId: actor.userId, action: 'user.reinvite', objectType: 'user', objectId: userId, ip: meta.ip, outcome: 'success' }, tx.manager);
    return true;
  }

  async listUsers(limit: number, offset: number, query?: string, role?: string): Promise<{ items: UserDto[]; total: number }> {
    const pattern = query ? `%${query.toLowerCase()}%` : null;
    const rows = await this.accounts.list(this.dataSource.manager, limit, offset, pattern, role ?? null);
    return { items: rows.map((row) => ({ ...toUserDto(row), roles: row.roles })), total: pageTotal(rows) };
  }

  async getUser(userId: string): Promise<UserDto> {
    const row = await this.accounts.find(this.dataSource.manager, userId);
    if (!row) throw new NotFoundError('User');
    return toUserDto(row);
  }

  /**
   * Disabling ends every session at once; their access tokens stop working on the next request.
   * Nobody disables themselves, and the last active coordinator stays (checked under a lock on the
   * active coordinators, so two disabling each other at once leave one).
   */
  async setDisabled(actor: Principal, userId: string, disabled: boolean, meta: RequestMeta): Promise<UserDto> {
    if (disabled && userId === actor.userId) {
      throw new ConflictError('cannot_disable_self', 'You cannot disable your own account; ask another coordinator');
    }
    return this.uow.run(async ({ manager }) => {
      if (disabled) await this.assertNotLastCoordinator(manager, userId);
      const user = await this.accounts.setDisabled(manager, userId, disabled);
      if (!user) throw new NotFoundError('User');
      if (disabled) await this.accounts.revokeUserSessions(manager, userId, 'user_disabled');
      await this.audit.record({ actorId: actor.userId, action: disabled ? 'user.disable' : 'user.enable', objectType: 'user', objectId: userId, ip: meta.ip, outcome: 'success' }, manager);
      return toUserDto(user);
    });
  }

  /**
   * Refuses to take away the last active coordinator (under a lock on the active coordinators, so
   * two taking each other away at once leave one). In the caller's transaction.
   */
  async assertNotLastCoordinator(manager: EntityManager, userId: string): Promise<void> {
    const coordinators = await this.accounts.lockActiveCoordinators(manager);
    if (coordinators.length === 1 && coordinators[0] === userId) {
      throw new ConflictError('last_coordinator', 'This is the last active coordinator; enable or invite another coordinator first');
    }
  }

  /** Always succeeds from the caller's view; only an active account gets a mail. */
  async requestPasswordReset(emailInput: string, meta: RequestMeta): Promise<void> {
    const email = normalizeEmail(emailInput);
    await this.uow.run(async (tx) => {
      const userId = await this.accounts.findActiveId(tx.manager, email);
      if (userId) await tx.emit('user.passwordResetRequested', { userId });
      await this.audit.record({ actorId: userId ?? null, action: 'auth.password_reset_requested', ip: meta.ip, outcome: userId ? 'success' : 'failure' }, tx.manager);
    });
  }

  /**
   * Mints a single-use token for a mail being sent now (the raw token exists only in that mail;
   * the database keeps its hash). Earlier unused tokens of the same purpose stop working. In the
   * caller's transaction, or in one of its own (retiring the old tokens commits with the new one).
   */
  async issueOneTimeToken(userId: string, purpose: OneTimePurpose, manager?: EntityManager): Promise<string> {
    if (!manager) return this.uow.run((tx) => this.issueOneTimeToken(userId, purpose, tx.manager));
    const token = newSecret();
    await this.accounts.retireOneTimeTokens(manager, userId, purpose);
    await this.accounts.insertOneTimeToken(manager, { userId, purpose, tokenHash: sha256(token), ttlHours: ONE_TIME_TTL_HOURS[purpose] });
    return token;
  }

  acceptInvitation(token: string, password: string, meta: RequestMeta): Promise<UserDto> {
    return this.redeem('invitation', token, password, meta);
  }

  confirmPasswordReset(token: string, password: string, meta: RequestMeta): Promise<UserDto> {
    return this.redeem('passwordReset', token, password, meta);
  }

  private async redeem(purpose: OneTimePurpose, token: string, password: string, meta: RequestMeta): Promise<UserDto> {
    return this.uow.run(async ({ manager }) => {
      const found = await this.accounts.lockRedeemableToken(manager, sha256(token), purpose);
      const allowedStatus = purpose === 'invitation' ? ['invited', 'active'] : ['active'];
      if (!found || !allowedStatus.includes(found.status)) {
        await this.audit.record({ actorId: found?.user_id ?? null, action: `auth.${purpose}_redeem`, ip: meta.ip, outcome: 'failure' }, manager);
        throw new InvalidInputError('token', 'is invalid or has expired');
      }
      assertPasswordPolicy(password, found.email);
      await this.accounts.useOneTimeToken(manager, found.id);
      const user = await this.accounts.activateWithPassword(manager, found.user_id, await hashPassword(password));
      if (!user) throw new NotFoundError('User');
      // A new password ends every earlier session.
      await this.accounts.revokeUserSessions(manager, found.user_id, 'password_changed');
      await this.audit.record({ actorId: found.user_id, action: `auth.${purpose}_redeem`, objectType: 'user', objectId: found.user_id, ip: meta.ip, outcome: 'success' }, manager);
      return toUserDto(user);
    });
  }

  /** For the CLI and the demo data: an active coordinator with a password. */
  createCoordinator(email: string, name: string, password: string): Promise<UserDto> {
    return this.uow.run(({ manager }) => createCoordinatorAccount(manager, email, name, password));
  }

  private async issuePair(manager: EntityManager, userId: string, sessionId: string): Promise<TokenPairDto> {
    const refreshToken = newSecret();
    await this.accounts.insertRefreshToken(manager, sessionId, sha256(refreshToken));
    const accessToken = await this.jwt.signAsync(
      { sub: userId, sid: sessionId, typ: 'access' },
      {
        algorithm: JWT_ALGORITHM,
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
        secret: this.config.JWT_SECRET,
      },
    );
    return { accessToken, refreshToken, expiresIn: this.config.JWT_ACCESS_TTL_SECONDS };
  }
}

function toUserDto(row: UserRow): UserDto {
  return { id: row.id, email: row.email, name: row.name, locale: row.locale, status: row.status, createdAt: row.created_at };
}

// The CLI runs this without Nest: the repositories hold no state, so plain instances serve.
const accountsRepository = new AccountsRepository();
const auditRepository = new AuditRepository();

/** An active coordinator with the given password (created, or reset if the email exists). */
export async function createCoordinatorAccount(manager: EntityManager, email: string, name: string, password: string): Promise<UserDto> {
  const normalized = normalizeEmail(email);
  assertPasswordPolicy(password, normalized);
  const user = await accountsRepository.upsertActive(manager, { email: normalized, name, passwordHash: await hashPassword(password) });
  if (await accountsRepository.grantCoordinator(manager, user.id)) {
    await auditRepository.append(manager, {
      actorId: null,
      action: 'grant.coordinator',
      objectType: 'user',
      objectId: user.id,
      ip: null,
      outcome: 'success',
      details: JSON.stringify({ via: 'cli' }),
    });
  }
  return toUserDto(user);
}
