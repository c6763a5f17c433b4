import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountsEditionsCities1795594077266 implements MigrationInterface {
    name = 'AccountsEditionsCities1795594077266'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."user_status" AS ENUM('invited', 'active', 'disabled')
        `);
        await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "name" character varying(200) NOT NULL,
                "locale" character varying(8) NOT NULL DEFAULT 'pl',
                "password_hash" character varying(200),
                "status" "public"."user_status" NOT NULL DEFAULT 'invited',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "app_user_email_unique" UNIQUE ("email"),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "auth_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(40),
                "ip" character varying(64),
                CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "auth_session_user_idx" ON "auth_session" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "spent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "refresh_token_hash_unique" ON "refresh_token" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "refresh_token_session_idx" ON "refresh_token" ("session_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."one_time_purpose" AS ENUM('invitation', 'passwordReset')
        `);
        await queryRunner.query(`
            CREATE TABLE "one_time_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "purpose" "public"."one_time_purpose" NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_956e3dd6580e4829e05ab460808" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "one_time_token_hash_unique" ON "one_time_token" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "one_time_token_user_idx" ON "one_time_token" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "city" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(120) NOT NULL,
                "region" character varying(120),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b222f51ce26f7e5ca86944a6739" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."edition_stage" AS ENUM(
                'draft',
                'reportsOpen',
                'juryScoring',
                'deliberation',
                'decided',
                'published'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "edition" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "year" integer NOT NULL,
                "name" character varying(200) NOT NULL,
                "stage" "public"."edition_stage" NOT NULL DEFAULT 'draft',
                "reports_due_at" TIMESTAMP WITH TIME ZONE,
                "scoring_due_at" TIMESTAMP WITH TIME ZONE,
                "ceremony_starts_at" TIMESTAMP WITH TIME ZONE,
                "ceremony_venue" character varying(300),
                "ceremony_city" character varying(120),
                "scoring_scale_max" smallint NOT NULL DEFAULT '5',
                "scoring_weights" jsonb NOT NULL DEFAULT '{"comprehensiveness":1,"longTerm":1,"governmentEngagement":1,"effectiveness":1}'::jsonb,
                "reports_reminder_days" smallint NOT NULL DEFAULT '3',
                "scoring_reminder_days" smallint NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "edition_year_unique" UNIQUE ("year"),
                CONSTRAINT "PK_059549460a1473d4477f2f041ff" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."role" AS ENUM('coordinator', 'expert', 'juror', 'cityOfficial')
        `);
        await queryRunner.query(`
            CREATE TABLE "role_grant" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "role" "public"."role" NOT NULL,
                "edition_id" uuid,
                "city_id" uuid,
                "country_of_origin" character varying(100),
                "languages" character varying(8) array,
                "granted_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "role_grant_scope" CHECK (
                    (
                        role = 'coordinator'
                        AND edition_id IS NULL
                        AND city_id IS NULL
                    )
                    OR (
                        role = 'expert'
                        AND edition_id IS NOT NULL
                        AND city_id IS NOT NULL
                    )
                    OR (
                        role = 'juror'
                        AND edition_id IS NOT NULL
                    )
                    OR (
                        role = 'cityOfficial'
                        AND edition_id IS NULL
                        AND city_id IS NOT NULL
                    )
                ),
                CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "role_grant_user_idx" ON "role_grant" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "role_grant_official_unique" ON "role_grant" ("user_id", "city_id")
            WHERE role = 'cityOfficial'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "role_grant_juror_unique" ON "role_grant" ("user_id", "edition_id")
            WHERE role = 'juror'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "role_grant_expert_per_city_unique" ON "role_grant" ("edition_id", "city_id")
            WHERE role = 'expert'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "role_grant_expert_per_edition_unique" ON "role_grant" ("user_id", "edition_id")
            WHERE role = 'expert'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "role_grant_coordinator_unique" ON "role_grant" ("user_id")
            WHERE role = 'coordinator'
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."audit_outcome" AS ENUM('success', 'failure', 'denied')
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "action" character varying(64) NOT NULL,
                "object_type" character varying(40),
                "object_id" character varying(64),
                "ip" character varying(64),
                "outcome" "public"."audit_outcome" NOT NULL,
                "details" jsonb,
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_event_actor_idx" ON "audit_event" ("actor_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_event_at_idx" ON "audit_event" ("at")
        `);
        await queryRunner.query(`
            ALTER TABLE "auth_session"
            ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "one_time_token"
            ADD CONSTRAINT "FK_8b28059f6bee21e69d42224bbb1" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant"
            ADD CONSTRAINT "FK_cbca8b01eca20fa033ef14946b2" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant"
            ADD CONSTRAINT "FK_bebcd4112e9b74dee6760dbff55" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant"
            ADD CONSTRAINT "FK_eb8f3ae6d7797896b55aa3141fc" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        // Hand-written: city names are unique regardless of case ("Kraków" = "kraków").
        await queryRunner.query(`
            CREATE UNIQUE INDEX "city_name_unique" ON "city" (lower("name"))
        `);
        // Hand-written: the audit log is append-only.
        await queryRunner.query(`
            CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only';
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_event_append_only ON "audit_event"`);
        await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
        await queryRunner.query(`DROP INDEX "public"."city_name_unique"`);
        await queryRunner.query(`
            ALTER TABLE "role_grant" DROP CONSTRAINT "FK_eb8f3ae6d7797896b55aa3141fc"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant" DROP CONSTRAINT "FK_bebcd4112e9b74dee6760dbff55"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant" DROP CONSTRAINT "FK_cbca8b01eca20fa033ef14946b2"
        `);
        await queryRunner.query(`
            ALTER TABLE "one_time_token" DROP CONSTRAINT "FK_8b28059f6bee21e69d42224bbb1"
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c"
        `);
        await queryRunner.query(`
            ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_event_at_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_event_actor_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."audit_outcome"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."role_grant_coordinator_unique"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."role_grant_expert_per_edition_unique"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."role_grant_expert_per_city_unique"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."role_grant_juror_unique"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."role_grant_official_unique"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."role_grant_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "role_grant"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."role"
        `);
        await queryRunner.query(`
            DROP TABLE "edition"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."edition_stage"
        `);
        await queryRunner.query(`
            DROP TABLE "city"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."one_time_token_user_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."one_time_token_hash_unique"
        `);
        await queryRunner.query(`
            DROP TABLE "one_time_token"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."one_time_purpose"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."refresh_token_session_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."refresh_token_hash_unique"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."auth_session_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "auth_session"
        `);
        await queryRunner.query(`
            DROP TABLE "app_user"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_status"
        `);
    }

}
