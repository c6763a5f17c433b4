// The accounts' statements (users, sessions, refresh and single-use tokens), the domain's answers to
// core's ports (PRINCIPAL_SOURCE, AUDIT_LOG) and the CLI's coordinator account against a real
// PostgreSQL: one rule per `it`, each statement inside a transaction through the manager it is given.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditRecorder } from '@app/core';
import { createTestDatabase, grantRole, makeEdition, makeUser, TestDatabase } from '@app/testing';
import { AccountsRepository } from '@app/domain/accounts/accounts.repository';
import { createCoordinatorAccount } from '@app/domain/accounts/accounts.service';
import { SessionPrincipals } from '@app/domain/accounts/session-principals';
import { AuditRepository } from '@app/domain/audit/audit.repository';

describe('accounts repository and ports (PostgreSQL)', () => {
  let database: TestDatabase;
  let ds: DataSource;
  const accounts = new AccountsRepository();
  const hash = () => randomUUID().replace(/-/g, '').padEnd(64, '0');

  beforeAll(async () => {
    database = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await database?.drop();
  });

  const session = (userId: string, ttlDays = 30) => ds.transaction((manager) => accounts.insertSession(manager, { userId, ttlDays, ip: '127.0.0.1' }));
  const sessionRow = async (id: string): Promise<{ revoked_at: Date | null; revoked_reason: string | null }> =>
    (await ds.query(`SELECT revoked_at, revoked_reason FROM auth_session WHERE id = $1`, [id]))[0];

  describe('the principal of a session', () => {
    it('gives the user and every grant for a live session of theirs', async () => {
      const user = await makeUser(ds);
      const edition = await makeEdition(ds);
      await grantRole(ds, user.id, 'juror', { editionId: edition.id });
      const sessionId = await session(user.id);
      const row = await ds.transaction((manager) => accounts.sessionPrincipal(manager, user.id, sessionId));
      expect(row).toMatchObject({ id: user.id, email: user.email, grants: [{ role: 'juror', editionId: edition.id, cityId: null }] });
    });

    it('gives nothing for a revoked session', async () => {
      const user = await makeUser(ds);
      const sessionId = await session(user.id);
      await ds.transaction((manager) => accounts.revokeSession(manager, sessionId, 'logout'));
      expect(await accounts.sessionPrincipal(ds.manager, user.id, sessionId)).toBeUndefined();
    });

    it('gives nothing for an expired session', async () => {
      const user = await makeUser(ds);
      const sessionId = await session(user.id, -1);
      expect(await accounts.sessionPrincipal(ds.manager, user.id, sessionId)).toBeUndefined();
    });

    it('gives nothing for another user’s session', async () => {
      const owner = await makeUser(ds);
      const other = await makeUser(ds);
      const sessionId = await session(owner.id);
      expect(await accounts.sessionPrincipal(ds.manager, other.id, sessionId)).toBeUndefined();
    });

    it('gives nothing for a disabled user', async () => {
      const user = await makeUser(ds);
      const sessionId = await session(user.id);
      await ds.transaction((manager) => accounts.setDisabled(manager, user.id, true));
      expect(await accounts.sessionPrincipal(ds.manager, user.id, sessionId)).toBeUndefined();
    });

    it('reaches core as a principal with the session’s end in milliseconds (PRINCIPAL_SOURCE)', async () => {
      const user = await makeUser(ds);
      const sessionId = await session(user.id, 1);
      const loaded = await new SessionPrincipals(ds, accounts).load(user.id, sessionId);
      expect(loaded?.principal).toEqual({ userId: user.id, email: user.email, name: expect.any(String), locale: 'pl', sessionId, grants: [] });
      expect(loaded!.sessionExpiresAt - Date.now()).toBeGreaterThan(23 * 3600_000);
    });
  });

  describe('sessions and refresh tokens', () => {
    it('reads a refresh token with its session’s state and its user’s status', async () => {
      const user = await makeUser(ds);
      const sessionId = await session(user.id, -1);
      const tokenHash = hash();
      await ds.transaction((manager) => accounts.insertRefreshToken(manager, sessionId, tokenHash));
      const row = await ds.transaction((manager) => accounts.lockRefreshToken(manager, tokenHash));
      expect(row).toMatchObject({ session_id: sessionId, user_id: user.id, spent_at: null, revoked_at: null, expired: true, status: 'active' });
    });

    it('marks a spent refresh token', async () => {
      const user = await makeUser(ds);
      const tokenHash = hash();
      const sessionId = await session(user.id);
      await ds.transaction((manager) => accounts.insertRefreshToken(manager, sessionId, tokenHash));
      await ds.transaction(async (manager) => accounts.spendRefreshToken(manager, (await accounts.lockRefreshToken(manager, tokenHash))!.id));
      expect((await accounts.lockRefreshToken(ds.manager, tokenHash))?.spent_at).toBeInstanceOf(Date);
    });

    it('keeps the first reason a session ended for', async () => {
      const user = await makeUser(ds);
      const sessionId = await session(user.id);
      await ds.transaction((manager) => accounts.revokeSession(manager, sessionId, 'refresh_reuse'));
      await ds.transaction((manager) => accounts.revokeSession(manager, sessionId, 'logout'));
      expect((await sessionRow(sessionId)).revoked_reason).toBe('refresh_reuse');
    });

    it('logs out the current session and the refresh token’s one, both the caller’s', async () => {
      const user = await makeUser(ds);
      const [current, ofToken, untouched] = [await session(user.id), await session(user.id), await session(user.id)];
      const tokenHash = hash();
      await ds.transaction((manager) => accounts.insertRefreshToken(manager, ofToken, tokenHash));
      await ds.transaction((manager) => accounts.revokeForLogout(manager, user.id, current, tokenHash));
      const reasons = await Promise.all([current, ofToken, untouched].map(async (id) => (await sessionRow(id)).revoked_reason));
      expect(reasons).toEqual(['logout', 'logout', null]);
    });

    it('does not log out another user’s session with their refresh token', async () => {
      const caller = await makeUser(ds);
      const victim = await makeUser(ds);
      const [own, theirs] = [await session(caller.id), await session(victim.id)];
      const tokenHash = hash();
      await ds.transaction((manager) => accounts.insertRefreshToken(manager, theirs, tokenHash));
      await ds.transaction((manager) => accounts.revokeForLogout(manager, caller.id, own, tokenHash));
      expect((await sessionRow(theirs)).revoked_at).toBeNull();
    });

    it('ends every open session of a user at once', async () => {
      const user = await makeUser(ds);
      const sessions = [await session(user.id), await session(user.id)];
      await ds.transaction((manager) => accounts.revokeUserSessions(manager, user.id, 'password_changed'));
      expect(await Promise.all(sessions.map(async (id) => (await sessionRow(id)).revoked_reason))).toEqual(['password_changed', 'password_changed']);
    });
  });

  describe('single-use tokens', () => {
    const issue = (userId: string, tokenHash: string, ttlHours = 1) =>
      ds.transaction(async (manager) => {
        await accounts.retireOneTimeTokens(manager, userId, 'passwordReset');
        await accounts.insertOneTimeToken(manager, { userId, purpose: 'passwordReset', tokenHash, ttlHours });
      });

    it('finds an unused token of its purpose with its user', async () => {
      const user = await makeUser(ds);
      const tokenHash = hash();
      await issue(user.id, tokenHash);
      const found = await ds.transaction((manager) => accounts.lockRedeemableToken(manager, tokenHash, 'passwordReset'));
      expect(found).toMatchObject({ user_id: user.id, email: user.email, status: 'active' });
    });

    it('does not find a token under another purpose', async () => {
      const user = await makeUser(ds);
      const tokenHash = hash();
      await issue(user.id, tokenHash);
      expect(await ds.transaction((manager) => accounts.lockRedeemableToken(manager, tokenHash, 'invitation'))).toBeUndefined();
    });

    it('retires the earlier token when a new one is issued', async () => {
      const user = await makeUser(ds);
      const [first, second] = [hash(), hash()];
      await issue(user.id, first);
      await issue(user.id, second);
      expect(await ds.transaction((manager) => accounts.lockRedeemableToken(manager, first, 'passwordReset'))).toBeUndefined();
    });

    it('does not find an expired token', async () => {
      const user = await makeUser(ds);
      const tokenHash = hash();
      await issue(user.id, tokenHash, -1);
      expect(await ds.transaction((manager) => accounts.lockRedeemableToken(manager, tokenHash, 'passwordReset'))).toBeUndefined();
    });

    it('does not find a used token', async () => {
      const user = await makeUser(ds);
      const tokenHash = hash();
      await issue(user.id, tokenHash);
      await ds.transaction(async (manager) => accounts.useOneTimeToken(manager, (await accounts.lockRedeemableToken(manager, tokenHash, 'passwordReset'))!.id));
      expect(await ds.transaction((manager) => accounts.lockRedeemableToken(manager, tokenHash, 'passwordReset'))).toBeUndefined();
    });
  });

  describe('users', () => {
    it('does not invite a second user with a taken email', async () => {
      const existing = await makeUser(ds);
      const again = await ds.transaction((manager) => accounts.insertInvited(manager, { email: existing.email, name: 'Druga', locale: 'en' }));
      expect(again).toBeUndefined();
    });

    it('enables an invited user without a password back to invited, not active', async () => {
      const invited = await makeUser(ds, { status: 'invited' });
      await ds.transaction((manager) => accounts.setDisabled(manager, invited.id, true));
      const enabled = await ds.transaction((manager) => accounts.setDisabled(manager, invited.id, false));
      expect(enabled?.status).toBe('invited');
    });

    it('activates an invited user with their first password', async () => {
      const invited = await makeUser(ds, { status: 'invited' });
      const user = await ds.transaction((manager) => accounts.activateWithPassword(manager, invited.id, 'not-a-real-hash'));
      expect(user?.status).toBe('active');
    });

    it('changes only the profile fields given', async () => {
      const user = await makeUser(ds, { name: 'Anna', locale: 'pl' });
      await ds.transaction((manager) => accounts.updateProfile(manager, user.id, { locale: 'uk', name: null }));
      expect(await accounts.find(ds.manager, user.id)).toMatchObject({ name: 'Anna', locale: 'uk' });
    });

    it('lists the users whose email or name matches, with the total of all matches', async () => {
      const tag = randomUUID().slice(0, 8);
      await makeUser(ds, { name: `Ewa ${tag.toUpperCase()}` });
      await makeUser(ds, { email: `${tag}@example.org` });
      await makeUser(ds);
      const page = await accounts.list(ds.manager, 1, 0, `%${tag}%`);
      expect({ shown: page.length, total: Number(page[0].total) }).toEqual({ shown: 1, total: 2 });
    });

    it('locks only the active coordinators', async () => {
      const active = await makeUser(ds);
      const disabled = await makeUser(ds, { status: 'disabled' });
      const juror = await makeUser(ds);
      await grantRole(ds, active.id, 'coordinator');
      await grantRole(ds, disabled.id, 'coordinator');
      await grantRole(ds, juror.id, 'juror', { editionId: (await makeEdition(ds)).id });
      const locked = await ds.transaction((manager) => accounts.lockActiveCoordinators(manager));
      expect([active.id, disabled.id, juror.id].filter((id) => locked.includes(id))).toEqual([active.id]);
    });

    it('grants the coordinator role once', async () => {
      const user = await makeUser(ds);
      const first = await ds.transaction((manager) => accounts.grantCoordinator(manager, user.id));
      const second = await ds.transaction((manager) => accounts.grantCoordinator(manager, user.id));
      expect([first, second]).toEqual([true, false]);
    });
  });

  describe('the CLI’s coordinator account', () => {
    it('resets an existing account to active with the new password and name', async () => {
      const disabled = await makeUser(ds, { status: 'disabled' });
      const user = await ds.transaction((manager) => createCoordinatorAccount(manager, disabled.email.toUpperCase(), 'Nowa Koordynatorka', 'a long enough password'));
      expect(user).toMatchObject({ id: disabled.id, status: 'active', name: 'Nowa Koordynatorka' });
    });

    it('audits the coordinator grant only when it is new', async () => {
      const email = `coordinator-${randomUUID()}@example.org`;
      const first = await ds.transaction((manager) => createCoordinatorAccount(manager, email, 'K', 'a long enough password'));
      await ds.transaction((manager) => createCoordinatorAccount(manager, email, 'K', 'another long password'));
      const audited = await ds.query(`SELECT actor_id, details FROM audit_event WHERE action = 'grant.coordinator' AND object_id = $1`, [first.id]);
      expect(audited).toEqual([{ actor_id: null, details: { via: 'cli' } }]);
    });
  });

  describe('the audit trail (AUDIT_LOG)', () => {
    it('stores what the recorder cleaned: no NUL, the object id cut to its column', async () => {
      const recorder = new AuditRecorder(ds, new AuditRepository());
      const objectId = `${randomUUID()}\u0000${'x'.repeat(100)}`;
      await ds.transaction((manager) => recorder.record({ actorId: null, action: 'test.clean', objectType: 'user', objectId, outcome: 'denied', details: { path: 'a\u0000b' } }, manager));
      const [row] = await ds.query(`SELECT object_id, details FROM audit_event WHERE action = 'test.clean' ORDER BY id DESC LIMIT 1`);
      expect(row).toEqual({ object_id: `${objectId.slice(0, 36)}\ufffd${'x'.repeat(27)}`, details: { path: 'a\ufffdb' } });
    });

    it('commits with the transaction it is given, or not at all', async () => {
      const repository = new AuditRepository();
      const action = `test.rollback.${randomUUID().slice(0, 8)}`;
      const row = { actorId: null, action, objectType: null, objectId: null, ip: null, outcome: 'success' as const, details: null };
      await ds
        .transaction(async (manager) => {
          await repository.append(manager, row);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      expect(await ds.query(`SELECT 1 FROM audit_event WHERE action = $1`, [action])).toEqual([]);
    });
  });
});
