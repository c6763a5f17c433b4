// Every statement on accounts: users and their coordinator grant, sign-in sessions with their
// refresh tokens, the single-use tokens of invitations and password resets, and the principal of a
// session. Tokens arrive here hashed; the raw ones never reach the database.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Grant, queryRows } from '@app/core';
import { OneTimePurpose } from './auth-session.entity';
import { UserStatus } from './user.entity';
import type { UserRoleView } from './dto/auth.dto';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  status: UserStatus;
  created_at: Date;
}

const USER_COLUMNS = 'id, email, name, locale, status, created_at';

/** What sign-in looks at. */
export interface SignInRow {
  id: string;
  password_hash: string | null;
  status: UserStatus;
}

/** A refresh token with its session and user, as rotation decides on it. */
export interface RefreshTokenRow {
  id: string;
  session_id: string;
  spent_at: Date | null;
  user_id: string;
  revoked_at: Date | null;
  expired: boolean;
  status: UserStatus;
}

/** An unused, unexpired single-use token with the user it is for. */
export interface RedeemableTokenRow {
  id: string;
  user_id: string;
  email: string;
  status: UserStatus;
}

/** A live session of an active user: who, until when, with which grants. */
export interface SessionPrincipalRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  expiresAt: Date;
  grants: Grant[];
}

/** Why a session ended (auth_session.revoked_reason). */
export type RevokedReason = 'logout' | 'refresh_reuse' | 'user_disabled' | 'password_changed';

@Injectable()
export class AccountsRepository {
  // Users.

  async find(manager: EntityManager, userId: string): Promise<UserRow | undefined> {
    const [row] = await queryRows<UserRow>(manager, `SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [userId]);
    return row;
  }

  async findForSignIn(manager: EntityManager, email: string): Promise<SignInRow | undefined> {
    const [row] = await queryRows<SignInRow>(manager, `SELECT id, password_hash, status FROM app_user WHERE email = $1`, [email]);
    return row;
  }

  async findByEmail(manager: EntityManager, email: string): Promise<UserRow | undefined> {
    const [row] = await queryRows<UserRow>(manager, `SELECT ${USER_COLUMNS} FROM app_user WHERE email = $1`, [email]);
    return row;
  }

  async findActiveId(manager: EntityManager, email: string): Promise<string | undefined> {
    const [row] = await queryRows<{ id: string }>(manager, `SELECT id FROM app_user WHERE email = $1 AND status = 'active'`, [email]);
    return row?.id;
  }

  /** Users by name then email; `pattern` (a LIKE pattern, lower case) matches the email or the name. */
  /** A page of users matching the search and the role, each with their roles. */
  list(manager: EntityManager, limit: number, offset: number, pattern: string | null, role: string | null = null): Promise<(UserRow & { total: string; roles: UserRoleView[] })[]> {
    return queryRows(
      manager,
      `SELECT ${USER_COLUMNS}, count(*) OVER () AS total,
              COALESCE((SELECT json_agg(json_strip_nulls(json_build_object('role', g.role, 'editionId', g.edition_id, 'cityId', g.city_id, 'editionYear', e.year, 'cityName', c.name))
                                        ORDER BY g.role, e.year DESC NULLS FIRST, c.name)
                          FROM role_grant g LEFT JOIN edition e ON e.id = g.edition_id LEFT JOIN city c ON c.id = g.city_id
                         WHERE g.user_id = app_user.id), '[]') AS roles
         FROM app_user
        WHERE ($3::text IS NULL OR email LIKE $3 OR lower(name) LIKE $3)
          AND ($4::role IS NULL OR EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = app_user.id AND g.role = $4::role))
        ORDER BY name, email LIMIT $1 OFFSET $2`,
      [limit, offset, pattern, role],
    );
  }

  /** A new invited user (no password yet); undefined when the email is taken. */
  async insertInvited(manager: EntityManager, user: { email: string; name: string; locale: string }): Promise<UserRow | undefined> {
    const [row] = await queryRows<UserRow>(
      manager,
      `INSERT INTO app_user (email, name, locale) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT app_user_email_unique DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [user.email, user.name, user.locale],
    );
    return row;
  }

  /** An active user with this password hash: created, or the existing one's password, name and status reset. */
  async upsertActive(manager: EntityManager, user: { email: string; name: string; passwordHash: string }): Promise<UserRow> {
    const [row] = await queryRows<UserRow>(
      manager,
      `INSERT INTO app_user (email, name, locale, password_hash, status) VALUES ($1, $2, 'pl', $3, 'active')
       ON CONFLICT ON CONSTRAINT app_user_email_unique
       DO UPDATE SET password_hash = EXCLUDED.password_hash, status = 'active', name = EXCLUDED.name, updated_at = now()
       RETURNING ${USER_COLUMNS}`,
      [user.email, user.name, user.passwordHash],
    );
    return row;
  }

  /** Changes the given fields of the profile; null keeps a field as it is. */
  async updateProfile(manager: EntityManager, userId: string, changes: { locale: string | null; name: string | null }): Promise<void> {
    await manager.query(`UPDATE app_user SET locale = COALESCE($2, locale), name = COALESCE($3, name), updated_at = now() WHERE id = $1`, [
      userId,
      changes.locale,
      changes.name,
    ]);
  }

  /** The same password under a new hash (stronger parameters), status untouched. */
  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
  }

  /** A new password, which also makes an invited user active. */
  async activateWithPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<UserRow | undefined> {
    const [row] = await queryRows<UserRow>(
      manager,
      `UPDATE app_user SET password_hash = $2, status = 'active', updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [userId, passwordHash],
    );
    return row;
  }

  /** Disables, or enables back to what the password makes them (active, or invited without one). */
  async setDisabled(manager: EntityManager, userId: string, disabled: boolean): Promise<UserRow | undefined> {
    const [row] = await queryRows<UserRow>(
      manager,
      `UPDATE app_user SET status = CASE WHEN $2 THEN 'disabled'::user_status
                                         WHEN password_hash IS NULL THEN 'invited'::user_status
                                         ELSE 'active'::user_status END,
              updated_at = now()
        WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [userId, disabled],
    );
    return row;
  }

  /** Grants the coordinator role; false when the user had it already. */
  async grantCoordinator(manager: EntityManager, userId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(manager, `INSERT INTO role_grant (user_id, role) VALUES ($1, 'coordinator') ON CONFLICT DO NOTHING RETURNING id`, [userId]);
    return rows.length > 0;
  }

  /**
   * Locks every active coordinator's account row, in id order (so concurrent callers queue instead of
   * deadlocking), and returns their ids. A caller that waited re-reads the rows another transaction
   * disabled meanwhile, so the list it gets is the one after that change.
   */
  async lockActiveCoordinators(manager: EntityManager): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT u.id FROM app_user u
        WHERE u.status = 'active' AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = 'coordinator')
        ORDER BY u.id
          FOR UPDATE OF u`,
    );
    return rows.map((row) => row.id);
  }

  // Sessions and refresh tokens.

  async insertSession(manager: EntityManager, session: { userId: string; ttlDays: number; ip: string | null }): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO auth_session (user_id, expires_at, ip) VALUES ($1, now() + make_interval(days => $2), $3) RETURNING id`,
      [session.userId, session.ttlDays, session.ip],
    );
    return row.id;
  }

  async insertRefreshToken(manager: EntityManager, sessionId: string, tokenHash: string): Promise<void> {
    await manager.query(`INSERT INTO refresh_token (session_id, token_hash) VALUES ($1, $2)`, [sessionId, tokenHash]);
  }

  /** The refresh token with this hash, it and its session locked until the transaction ends. */
  async lockRefreshToken(manager: EntityManager, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await queryRows<RefreshTokenRow>(
      manager,
      `SELECT rt.id, rt.session_id, rt.spent_at, s.user_id, s.revoked_at, s.expires_at <= now() AS expired, u.status
         FROM refresh_token rt
         JOIN auth_session s ON s.id = rt.session_id
         JOIN app_user u ON u.id = s.user_id
        WHERE rt.token_hash = $1
        FOR UPDATE OF rt, s`,
      [tokenHash],
    );
    return row;
  }

  async spendRefreshToken(manager: EntityManager, refreshTokenId: string): Promise<void> {
    await manager.query(`UPDATE refresh_token SET spent_at = now() WHERE id = $1`, [refreshTokenId]);
  }

  /** Ends the session unless it has ended already (the first reason stays). */
  async revokeSession(manager: EntityManager, sessionId: string, reason: RevokedReason): Promise<void> {
    await manager.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
  }

  /** Ends the user's session `sessionId` and the one the refresh token belongs to, if either is theirs. */
  async revokeForLogout(manager: EntityManager, userId: string, sessionId: string, refreshTokenHash: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'logout'
        WHERE revoked_at IS NULL AND user_id = $1
          AND (id = $2 OR id = (SELECT session_id FROM refresh_token WHERE token_hash = $3))`,
      [userId, sessionId, refreshTokenHash],
    );
  }

  /** Ends every session of the user still open. */
  async revokeUserSessions(manager: EntityManager, userId: string, reason: RevokedReason): Promise<void> {
    await manager.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, reason]);
  }

  /** The user and grants behind a session that is theirs, not revoked, not expired, of an active user. */
  async sessionPrincipal(manager: EntityManager, userId: string, sessionId: string): Promise<SessionPrincipalRow | undefined> {
    const [row] = await queryRows<SessionPrincipalRow>(
      manager,
      `SELECT u.id, u.email, u.name, u.locale, s.expires_at AS "expiresAt",
              COALESCE(json_agg(json_build_object('id', g.id, 'role', g.role, 'editionId', g.edition_id, 'cityId', g.city_id))
                       FILTER (WHERE g.id IS NOT NULL), '[]') AS grants
         FROM app_user u
         JOIN auth_session s ON s.id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()
         LEFT JOIN role_grant g ON g.user_id = u.id
        WHERE u.id = $1 AND u.status = 'active'
        GROUP BY u.id, s.expires_at`,
      [userId, sessionId],
    );
    return row;
  }

  // Single-use tokens.

  /** Marks the user's unused tokens of this purpose used, so that only the next one works. */
  async retireOneTimeTokens(manager: EntityManager, userId: string, purpose: OneTimePurpose): Promise<void> {
    await manager.query(`UPDATE one_time_token SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
  }

  async insertOneTimeToken(manager: EntityManager, token: { userId: string; purpose: OneTimePurpose; tokenHash: string; ttlHours: number }): Promise<void> {
    await manager.query(
      `INSERT INTO one_time_token (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
      [token.userId, token.purpose, token.tokenHash, token.ttlHours],
    );
  }

  /** The unused, unexpired token with this hash and purpose, locked until the transaction ends. */
  async lockRedeemableToken(manager: EntityManager, tokenHash: string, purpose: OneTimePurpose): Promise<RedeemableTokenRow | undefined> {
    const [row] = await queryRows<RedeemableTokenRow>(
      manager,
      `SELECT t.id, t.user_id, u.email, u.status FROM one_time_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now()
        FOR UPDATE OF t`,
      [tokenHash, purpose],
    );
    return row;
  }

  async useOneTimeToken(manager: EntityManager, tokenId: string): Promise<void> {
    await manager.query(`UPDATE one_time_token SET used_at = now() WHERE id = $1`, [tokenId]);
  }
}
