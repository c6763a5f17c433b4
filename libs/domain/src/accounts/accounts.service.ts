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
  queryRows,
  UnauthenticatedError,
  UnitOfWork,
} from '@app/core';
import { OneTimePurpose } from './auth-session.entity';
import { lockActiveCoordinators } from './coordinators.repository';
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
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditRecorder,
  ) {}

  async login(emailInput: string, password: string, meta: RequestMeta): Promise<TokenPairDto> {
    const email = normalizeEmail(emailInput);
    const [user]: { id: string; password_hash: string | null; status: string }[] = await this.dataSource.query(
      `SELECT id, password_hash, status FROM app_user WHERE email = $1`,
      [email],
    );
    const usable = user && user.status === 'active' && user.password_hash;
    const ok = usable ? await verifyPassword(user.password_hash!, password) : (await burnVerification(password), false);
    if (!ok) {
      await this.audit.record({ actorId: user?.id ?? null, action: 'auth.login', ip: meta.ip, outcome: 'failure', details: { reason: 'invalid_credentials' } });
      throw new UnauthenticatedError(INVALID_CREDENTIALS, 'invalid_credentials');
    }
    if (needsRehash(user.password_hash!)) {
      await this.dataSource.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [user.id, await hashPassword(password)]);
    }
    return this.uow.run(async ({ manager }) => {
      const [session]: { id: string }[] = await manager.query(
        `INSERT INTO auth_session (user_id, expires_at, ip) VALUES ($1, now() + make_interval(days => $2), $3) RETURNING id`,
        [user.id, this.config.JWT_REFRESH_TTL_DAYS, meta.ip],
      );
      const pair = await this.issuePair(manager, user.id, session.id);
      await this.audit.record({ actorId: user.id, action: 'auth.login', objectType: 'session', objectId: session.id, ip: meta.ip, outcome: 'success' }, manager);
      return pair;
    });
  }

  /** Rotates a refresh token. A spent token presented again revokes its whole session (theft). */
  async refresh(refreshToken: string, meta: RequestMeta): Promise<TokenPairDto> {
    const outcome = await this.uow.run(async ({ manager }) => {
      const [row]: { id: string; session_id: string; spent_at: Date | null; user_id: string; revoked_at: Date | null; expired: boolean; status: string }[] =
        await manager.query(
          `SELECT rt.id, rt.session_id, rt.spent_at, s.user_id, s.revoked_at, s.expires_at <= now() AS expired, u.status
             FROM refresh_token rt
             JOIN auth_session s ON s.id = rt.session_id
             JOIN app_user u ON u.id = s.user_id
            WHERE rt.token_hash = $1
            FOR UPDATE OF rt, s`,
          [sha256(refreshToken)],
        );
      if (!row) return { error: 'unknown_token' as const };
      if (row.spent_at) {
        await manager.query(
          `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'refresh_reuse' WHERE id = $1 AND revoked_at IS NULL`,
          [row.session_id],
        );
        await this.audit.record({ actorId: row.user_id, action: 'auth.refresh_reuse', objectType: 'session', objectId: row.session_id, ip: meta.ip, outcome: 'denied' }, manager);
        return { error: 'reused' as const };
      }
      if (row.revoked_at || row.expired || row.status !== 'active') return { error: 'session_ended' as const };
      await manager.query(`UPDATE refresh_token SET spent_at = now() WHERE id = $1`, [row.id]);
      return { pair: await this.issuePair(manager, row.user_id, row.session_id) };
    });
    if ('error' in outcome) throw new UnauthenticatedError('The refresh token is not valid', outcome.error === 'reused' ? 'refresh_token_reused' : 'invalid_refresh_token');
    return outcome.pair;
  }

  async logout(principal: Principal, refreshToken: string, meta: RequestMeta): Promise<void> {
    await this.uow.run(async ({ manager }) => {
      // The session of the presented token (if it is the caller's) and the caller's current one.
      await manager.query(
        `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'logout'
          WHERE revoked_at IS NULL AND user_id = $1
            AND (id = $2 OR id = (SELECT session_id FROM refresh_token WHERE token_hash = $3))`,
        [principal.userId, principal.sessionId, sha256(refreshToken)],
      );
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
    await this.dataSource.query(
      `UPDATE app_user SET locale = COALESCE($2, locale), name = COALESCE($3, name), updated_at = now() WHERE id = $1`,
      [principal.userId, changes.locale ?? null, changes.name ?? null],
    );
    return this.me({ ...principal, locale: changes.locale ?? principal.locale, name: changes.name ?? principal.name });
  }

  async createUser(actor: Principal, dto: CreateUserDto, meta: RequestMeta): Promise<UserDto> {
    const email = normalizeEmail(dto.email);
    return this.uow.run(async (tx) => {
      const rows: UserRow[] = await tx.manager.query(
        `INSERT INTO app_user (email, name, locale) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT app_user_email_unique DO NOTHING
         RETURNING ${USER_COLUMNS}`,
        [email, dto.name.trim(), dto.locale ?? 'pl'],
      );
      if (rows.length === 0) throw new ConflictError('email_taken', `A user with the email ${email} already exists`);
      await tx.emit('user.invited', { userId: rows[0].id });
      await this.audit.record({ actorId: actor.userId, action: 'user.create', objectType: 'user', objectId: rows[0].id, ip: meta.ip, outcome: 'success' }, tx.manager);
      return toUserDto(rows[0]);
    });
  }

  async listUsers(limit: number, offset: number, query?: string): Promise<{ items: UserDto[]; total: number }> {
    const pattern = query ? `%${query.toLowerCase()}%` : null;
    const rows: (UserRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, count(*) OVER () AS total FROM app_user
        WHERE $3::text IS NULL OR email LIKE $3 OR lower(name) LIKE $3
        ORDER BY name, email LIMIT $1 OFFSET $2`,
      [limit, offset, pattern],
    );
    return { items: rows.map(toUserDto), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async getUser(userId: string): Promise<UserDto> {
    const [row]: UserRow[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [userId]);
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
      if (disabled) {
        const coordinators = await lockActiveCoordinators(manager);
        if (coordinators.length === 1 && coordinators[0] === userId) {
          throw new ConflictError('last_coordinator', 'This is the last active coordinator; enable or invite another coordinator first');
        }
      }
      const rows = await queryRows<UserRow>(
        manager,
        `UPDATE app_user SET status = CASE WHEN $2 THEN 'disabled'::user_status
                                           WHEN password_hash IS NULL THEN 'invited'::user_status
                                           ELSE 'active'::user_status END,
                updated_at = now()
          WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [userId, disabled],
      );
      if (rows.length === 0) throw new NotFoundError('User');
      if (disabled) {
        await manager.query(
          `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'user_disabled' WHERE user_id = $1 AND revoked_at IS NULL`,
          [userId],
        );
      }
      await this.audit.record({ actorId: actor.userId, action: disabled ? 'user.disable' : 'user.enable', objectType: 'user', objectId: userId, ip: meta.ip, outcome: 'success' }, manager);
      return toUserDto(rows[0]);
    });
  }

  /** Always succeeds from the caller's view; only an active account gets a mail. */
  async requestPasswordReset(emailInput: string, meta: RequestMeta): Promise<void> {
    const email = normalizeEmail(emailInput);
    await this.uow.run(async (tx) => {
      const [user]: { id: string }[] = await tx.manager.query(`SELECT id FROM app_user WHERE email = $1 AND status = 'active'`, [email]);
      if (user) await tx.emit('user.passwordResetRequested', { userId: user.id });
      await this.audit.record({ actorId: user?.id ?? null, action: 'auth.password_reset_requested', ip: meta.ip, outcome: user ? 'success' : 'failure' }, tx.manager);
    });
  }

  /**
   * Mints a single-use token for a mail being sent now (the raw token exists only in that mail;
   * the database keeps its hash). Earlier unused tokens of the same purpose stop working.
   */
  async issueOneTimeToken(userId: string, purpose: OneTimePurpose, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const token = newSecret();
    await manager.query(`UPDATE one_time_token SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
    await manager.query(
      `INSERT INTO one_time_token (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
      [userId, purpose, sha256(token), ONE_TIME_TTL_HOURS[purpose]],
    );
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
      const [found]: { id: string; user_id: string; email: string; status: string }[] = await manager.query(
        `SELECT t.id, t.user_id, u.email, u.status FROM one_time_token t JOIN app_user u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now()
          FOR UPDATE OF t`,
        [sha256(token), purpose],
      );
      const allowedStatus = purpose === 'invitation' ? ['invited', 'active'] : ['active'];
      if (!found || !allowedStatus.includes(found.status)) {
        await this.audit.record({ actorId: found?.user_id ?? null, action: `auth.${purpose}_redeem`, ip: meta.ip, outcome: 'failure' }, manager);
        throw new InvalidInputError('token', 'is invalid or has expired');
      }
      assertPasswordPolicy(password, found.email);
      await manager.query(`UPDATE one_time_token SET used_at = now() WHERE id = $1`, [found.id]);
      const rows = await queryRows<UserRow>(
        manager,
        `UPDATE app_user SET password_hash = $2, status = 'active', updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [found.user_id, await hashPassword(password)],
      );
      // A new password ends every earlier session.
      await manager.query(
        `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'password_changed' WHERE user_id = $1 AND revoked_at IS NULL`,
        [found.user_id],
      );
      await this.audit.record({ actorId: found.user_id, action: `auth.${purpose}_redeem`, objectType: 'user', objectId: found.user_id, ip: meta.ip, outcome: 'success' }, manager);
      return toUserDto(rows[0]);
    });
  }

  /** For the CLI and the demo data: an active coordinator with a password. */
  createCoordinator(email: string, name: string, password: string): Promise<UserDto> {
    return this.uow.run(({ manager }) => createCoordinatorAccount(manager, email, name, password));
  }

  private async issuePair(manager: EntityManager, userId: string, sessionId: string): Promise<TokenPairDto> {
    const refreshToken = newSecret();
    await manager.query(`INSERT INTO refresh_token (session_id, token_hash) VALUES ($1, $2)`, [sessionId, sha256(refreshToken)]);
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

interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  status: string;
  created_at: Date;
}

const USER_COLUMNS = 'id, email, name, locale, status, created_at';

function toUserDto(row: UserRow): UserDto {
  return { id: row.id, email: row.email, name: row.name, locale: row.locale, status: row.status, createdAt: row.created_at };
}

/** An active coordinator with the given password (created, or reset if the email exists). */
export async function createCoordinatorAccount(manager: EntityManager, email: string, name: string, password: string): Promise<UserDto> {
  const normalized = normalizeEmail(email);
  assertPasswordPolicy(password, normalized);
  const hash = await hashPassword(password);
  const rows: UserRow[] = await manager.query(
    `INSERT INTO app_user (email, name, locale, password_hash, status) VALUES ($1, $2, 'pl', $3, 'active')
     ON CONFLICT ON CONSTRAINT app_user_email_unique
     DO UPDATE SET password_hash = EXCLUDED.password_hash, status = 'active', name = EXCLUDED.name, updated_at = now()
     RETURNING ${USER_COLUMNS}`,
    [normalized, name, hash],
  );
  const granted: unknown[] = await manager.query(
    `INSERT INTO role_grant (user_id, role) VALUES ($1, 'coordinator') ON CONFLICT DO NOTHING RETURNING id`,
    [rows[0].id],
  );
  if (granted.length > 0) {
    await manager.query(
      `INSERT INTO audit_event (actor_id, action, object_type, object_id, outcome, details) VALUES (NULL, 'grant.coordinator', 'user', $1, 'success', '{"via":"cli"}')`,
      [rows[0].id],
    );
  }
  return toUserDto(rows[0]);
}
