import { MigrationInterface, QueryRunner } from "typeorm";

// Translations of reports' summaries (report_translation) and the language of the original summary.

export class ReportSummaryTranslations1796639595417 implements MigrationInterface {
    name = 'ReportSummaryTranslations1796639595417'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "report_translation" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report_id" uuid NOT NULL,
                "language" character varying(8) NOT NULL,
                "summary" text NOT NULL,
                "provided_by" uuid,
                "provided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "outdated" boolean NOT NULL DEFAULT false,
                CONSTRAINT "report_translation_language_unique" UNIQUE ("report_id", "language"),
                CONSTRAINT "PK_7a402084f389d2edd71eae49328" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "report"
            ADD "original_language" character varying(8) NOT NULL DEFAULT 'pl'
        `);
        await queryRunner.query(`
            ALTER TABLE "report_translation"
            ADD CONSTRAINT "FK_7fed777b8bbe1490fbdef75244e" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_translation"
            ADD CONSTRAINT "FK_9e81a09e314e60e80204fc5eaab" FOREIGN KEY ("provided_by") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "report_translation" DROP CONSTRAINT "FK_9e81a09e314e60e80204fc5eaab"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_translation" DROP CONSTRAINT "FK_7fed777b8bbe1490fbdef75244e"
        `);
        await queryRunner.query(`
            ALTER TABLE "report" DROP COLUMN "original_language"
        `);
        await queryRunner.query(`
            DROP TABLE "report_translation"
        `);
    }

}
