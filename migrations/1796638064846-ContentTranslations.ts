import { MigrationInterface, QueryRunner } from "typeorm";

// Content translations: a practice's title and description per language (practice_translation), the
// language of its original, and the translator grant (an edition, no city).

export class ContentTranslations1796638064846 implements MigrationInterface {
    name = 'ContentTranslations1796638064846'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "practice_translation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "practice_id" uuid NOT NULL,
                "language" character varying(8) NOT NULL,
                "title" character varying(300) NOT NULL,
                "description" text NOT NULL,
                "provided_by" uuid,
                "provided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "outdated" boolean NOT NULL DEFAULT false,
                CONSTRAINT "practice_translation_language_unique" UNIQUE ("practice_id", "language"),
                CONSTRAINT "PK_c7b0f9c4d057012c300b125f9b7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "practice"
            ADD "original_language" character varying(8) NOT NULL DEFAULT 'pl'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "role_grant_translator_unique" ON "role_grant" ("user_id", "edition_id")
            WHERE role = 'translator'
        `);
        // A translator's grant names an edition and no city.
        await queryRunner.query(`
            ALTER TABLE "role_grant" DROP CONSTRAINT "role_grant_scope"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_scope" CHECK ((role = 'coordinator' AND edition_id IS NULL AND city_id IS NULL)
              OR (role = 'expert' AND edition_id IS NOT NULL AND city_id IS NOT NULL)
              OR (role = 'juror' AND edition_id IS NOT NULL)
              OR (role = 'cityOfficial' AND edition_id IS NULL AND city_id IS NOT NULL)
              OR (role = 'translator' AND edition_id IS NOT NULL AND city_id IS NULL))
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_translation"
            ADD CONSTRAINT "FK_ff4ebdf75c3c7367630c038a53f" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_translation"
            ADD CONSTRAINT "FK_ca3534abc68ac0f1b3fa402b0d7" FOREIGN KEY ("provided_by") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "practice_translation" DROP CONSTRAINT "FK_ca3534abc68ac0f1b3fa402b0d7"
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_translation" DROP CONSTRAINT "FK_ff4ebdf75c3c7367630c038a53f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."role_grant_translator_unique"
        `);
        await queryRunner.query(`
            DELETE FROM "role_grant" WHERE "role" = 'translator'
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant" DROP CONSTRAINT "role_grant_scope"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_scope" CHECK ((role = 'coordinator' AND edition_id IS NULL AND city_id IS NULL)
              OR (role = 'expert' AND edition_id IS NOT NULL AND city_id IS NOT NULL)
              OR (role = 'juror' AND edition_id IS NOT NULL)
              OR (role = 'cityOfficial' AND edition_id IS NULL AND city_id IS NOT NULL))
        `);
        await queryRunner.query(`
            ALTER TABLE "practice" DROP COLUMN "original_language"
        `);
        await queryRunner.query(`
            DROP TABLE "practice_translation"
        `);
    }

}
