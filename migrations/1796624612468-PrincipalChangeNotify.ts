import { MigrationInterface, QueryRunner } from "typeorm";

// Hand-written (TypeORM does not generate triggers). Every change that can alter a signed-in
// principal (its session, the user's status or profile, its role grants) sends
// pg_notify('principal_changed', ...) from a trigger, so the notification is delivered exactly when
// the changing transaction commits, whichever code path made the change. The API's principal cache
// (libs/core/src/auth/principal-cache.ts) listens and drops the entries concerned.
// Payloads: 's:<session id>', 'u:<user id>', or '*' (TRUNCATE: drop everything).
export class PrincipalChangeNotify1796624612468 implements MigrationInterface {
    name = 'PrincipalChangeNotify1796624612468'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE FUNCTION notify_principal_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_LEVEL = 'STATEMENT' THEN
                PERFORM pg_notify('principal_changed', '*');
                RETURN NULL;
              END IF;
              IF TG_TABLE_NAME = 'auth_session' THEN
                PERFORM pg_notify('principal_changed', 's:' || OLD.id);
              ELSIF TG_TABLE_NAME = 'app_user' THEN
                PERFORM pg_notify('principal_changed', 'u:' || OLD.id);
              ELSE
                IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('principal_changed', 'u:' || OLD.user_id); END IF;
                IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('principal_changed', 'u:' || NEW.user_id); END IF;
              END IF;
              RETURN NULL;
            END $$
        `);
        // Sessions: only revocation, expiry or owner changes matter (a new session is never cached yet).
        await queryRunner.query(`
            CREATE TRIGGER auth_session_principal_change AFTER UPDATE ON auth_session FOR EACH ROW
            WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
                  OR OLD.user_id IS DISTINCT FROM NEW.user_id)
            EXECUTE FUNCTION notify_principal_change()
        `);
        await queryRunner.query(`
            CREATE TRIGGER auth_session_principal_delete AFTER DELETE ON auth_session FOR EACH ROW
            EXECUTE FUNCTION notify_principal_change()
        `);
        // Users: the fields a principal carries (status, email, name, locale); a password change
        // revokes the sessions, which the auth_session trigger reports.
        await queryRunner.query(`
            CREATE TRIGGER app_user_principal_change AFTER UPDATE ON app_user FOR EACH ROW
            WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.email IS DISTINCT FROM NEW.email
                  OR OLD.name IS DISTINCT FROM NEW.name OR OLD.locale IS DISTINCT FROM NEW.locale)
            EXECUTE FUNCTION notify_principal_change()
        `);
        await queryRunner.query(`
            CREATE TRIGGER app_user_principal_delete AFTER DELETE ON app_user FOR EACH ROW
            EXECUTE FUNCTION notify_principal_change()
        `);
        await queryRunner.query(`
            CREATE TRIGGER role_grant_principal_change AFTER INSERT OR UPDATE OR DELETE ON role_grant FOR EACH ROW
            EXECUTE FUNCTION notify_principal_change()
        `);
        for (const table of ['auth_session', 'app_user', 'role_grant']) {
            await queryRunner.query(`
                CREATE TRIGGER ${table}_principal_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT
                EXECUTE FUNCTION notify_principal_change()
            `);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['auth_session', 'app_user', 'role_grant']) {
            await queryRunner.query(`DROP TRIGGER ${table}_principal_truncate ON ${table}`);
        }
        await queryRunner.query(`DROP TRIGGER role_grant_principal_change ON role_grant`);
        await queryRunner.query(`DROP TRIGGER app_user_principal_delete ON app_user`);
        await queryRunner.query(`DROP TRIGGER app_user_principal_change ON app_user`);
        await queryRunner.query(`DROP TRIGGER auth_session_principal_delete ON auth_session`);
        await queryRunner.query(`DROP TRIGGER auth_session_principal_change ON auth_session`);
        await queryRunner.query(`DROP FUNCTION notify_principal_change()`);
    }

}
