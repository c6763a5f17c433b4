// Certificates of distinction (issue 18): one row per award, language and issue; the partial unique
// index keeps one in force per award and language. Generated, then read.
import { MigrationInterface, QueryRunner } from "typeorm";

export class Certificates1796635904391 implements MigrationInterface {
    name = 'Certificates1796635904391'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "certificate" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(16) NOT NULL,
                "award_id" uuid,
                "edition_id" uuid NOT NULL,
                "language" character varying(2) NOT NULL,
                "storage_key" character varying(300) NOT NULL,
                "size" integer NOT NULL,
                "sha256" character varying(64) NOT NULL,
                "fingerprint" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(40),
                CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "certificate_edition_idx" ON "certificate" ("edition_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "certificate_award_language_current" ON "certificate" ("award_id", "language")
            WHERE revoked_at IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "certificate_code_unique" ON "certificate" ("code")
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate"
            ADD CONSTRAINT "FK_8050418967765cb1242e2292bdf" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate"
            ADD CONSTRAINT "FK_d6889da0760809bdc5df1961b59" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "certificate" DROP CONSTRAINT "FK_d6889da0760809bdc5df1961b59"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate" DROP CONSTRAINT "FK_8050418967765cb1242e2292bdf"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."certificate_code_unique"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."certificate_award_language_current"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."certificate_edition_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate"
        `);
    }

}
