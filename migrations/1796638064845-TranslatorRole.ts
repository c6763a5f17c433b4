import { MigrationInterface, QueryRunner } from "typeorm";

// The translator role on its own: a new enum value can be used only once the transaction that added
// it has committed, and the next migration's index and check name it.
export class TranslatorRole1796638064845 implements MigrationInterface {
    name = 'TranslatorRole1796638064845'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TYPE "public"."role"
            ADD VALUE IF NOT EXISTS 'translator'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // PostgreSQL cannot drop an enum value: the type is rebuilt without it (no grant may hold it).
        await queryRunner.query(`
            DELETE FROM "role_grant" WHERE "role" = 'translator'
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant" DROP CONSTRAINT "role_grant_scope"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."role_old" AS ENUM('coordinator', 'expert', 'juror', 'cityOfficial')
        `);
        for (const index of ['role_grant_coordinator_unique', 'role_grant_expert_per_edition_unique', 'role_grant_expert_per_city_unique', 'role_grant_juror_unique', 'role_grant_official_unique']) {
            await queryRunner.query(`DROP INDEX "public"."${index}"`);
        }
        await queryRunner.query(`
            ALTER TABLE "role_grant"
            ALTER COLUMN "role" TYPE "public"."role_old" USING "role"::"text"::"public"."role_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."role"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."role_old"
            RENAME TO "role"
        `);
        await queryRunner.query(`CREATE UNIQUE INDEX "role_grant_coordinator_unique" ON "role_grant" ("user_id") WHERE role = 'coordinator'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "role_grant_expert_per_edition_unique" ON "role_grant" ("user_id", "edition_id") WHERE role = 'expert'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "role_grant_expert_per_city_unique" ON "role_grant" ("edition_id", "city_id") WHERE role = 'expert'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "role_grant_juror_unique" ON "role_grant" ("user_id", "edition_id") WHERE role = 'juror'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "role_grant_official_unique" ON "role_grant" ("user_id", "city_id") WHERE role = 'cityOfficial'`);
        await queryRunner.query(`
            ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_scope" CHECK ((role = 'coordinator' AND edition_id IS NULL AND city_id IS NULL)
              OR (role = 'expert' AND edition_id IS NOT NULL AND city_id IS NOT NULL)
              OR (role = 'juror' AND edition_id IS NOT NULL)
              OR (role = 'cityOfficial' AND edition_id IS NULL AND city_id IS NOT NULL))
        `);
    }

}
