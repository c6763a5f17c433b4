import { MigrationInterface, QueryRunner } from "typeorm";

export class Decisions1795595333584 implements MigrationInterface {
    name = 'Decisions1795595333584'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "deliberation_note" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "text" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_86e635d16e4cbc01c7df3d761f4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "deliberation_note_edition_idx" ON "deliberation_note" ("edition_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "practice"
            ADD "search_vector" tsvector
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note"
            ADD CONSTRAINT "FK_cd8656fc32300ee10e5d91a9159" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note"
            ADD CONSTRAINT "FK_adf7f59ac546495db4ede00a81b" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        // Hand-written: the catalogue's text search folds Polish letters ("Lodz" finds "Łódź").
        // unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
        await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION oc_simple (COPY = simple)`);
        await queryRunner.query(`
            ALTER TEXT SEARCH CONFIGURATION oc_simple
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple
        `);
        await queryRunner.query(`CREATE INDEX "practice_search_idx" ON "practice" USING GIN ("search_vector")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."practice_search_idx"`);
        await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION oc_simple`);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note" DROP CONSTRAINT "FK_adf7f59ac546495db4ede00a81b"
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note" DROP CONSTRAINT "FK_cd8656fc32300ee10e5d91a9159"
        `);
        await queryRunner.query(`
            ALTER TABLE "practice" DROP COLUMN "search_vector"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."deliberation_note_edition_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "deliberation_note"
        `);
    }

}
