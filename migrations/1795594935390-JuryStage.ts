import { MigrationInterface, QueryRunner } from "typeorm";

export class JuryStage1795594935390 implements MigrationInterface {
    name = 'JuryStage1795594935390'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "score" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "practice_id" uuid NOT NULL,
                "juror_id" uuid NOT NULL,
                "comprehensiveness" smallint NOT NULL,
                "long_term" smallint NOT NULL,
                "government_engagement" smallint NOT NULL,
                "effectiveness" smallint NOT NULL,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "score_juror_practice_unique" UNIQUE ("juror_id", "practice_id"),
                CONSTRAINT "score_values_range" CHECK (
                    comprehensiveness BETWEEN 1 AND 10
                    AND long_term BETWEEN 1 AND 10
                    AND government_engagement BETWEEN 1 AND 10
                    AND effectiveness BETWEEN 1 AND 10
                ),
                CONSTRAINT "PK_1770f42c61451103f5514134078" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "score_edition_idx" ON "score" ("edition_id", "practice_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "conflict_of_interest" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "practice_id" uuid NOT NULL,
                "juror_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "conflict_of_interest_juror_practice_unique" UNIQUE ("juror_id", "practice_id"),
                CONSTRAINT "PK_31e757df4b34931b02940536d45" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "conflict_of_interest_edition_idx" ON "conflict_of_interest" ("edition_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "score"
            ADD CONSTRAINT "FK_cb67222dccc48ea76b2b465ecbd" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "score"
            ADD CONSTRAINT "FK_d9839eb8719096c50f4e43fa905" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "score"
            ADD CONSTRAINT "FK_81e9f5329bc51476faa98d54183" FOREIGN KEY ("juror_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conflict_of_interest"
            ADD CONSTRAINT "FK_13be65442d3ad019c089e064603" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conflict_of_interest"
            ADD CONSTRAINT "FK_fec62858d93e5dddb836087494a" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conflict_of_interest"
            ADD CONSTRAINT "FK_bf65ddf7fe2ed02cc97769c578d" FOREIGN KEY ("juror_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "conflict_of_interest" DROP CONSTRAINT "FK_bf65ddf7fe2ed02cc97769c578d"
        `);
        await queryRunner.query(`
            ALTER TABLE "conflict_of_interest" DROP CONSTRAINT "FK_fec62858d93e5dddb836087494a"
        `);
        await queryRunner.query(`
            ALTER TABLE "conflict_of_interest" DROP CONSTRAINT "FK_13be65442d3ad019c089e064603"
        `);
        await queryRunner.query(`
            ALTER TABLE "score" DROP CONSTRAINT "FK_81e9f5329bc51476faa98d54183"
        `);
        await queryRunner.query(`
            ALTER TABLE "score" DROP CONSTRAINT "FK_d9839eb8719096c50f4e43fa905"
        `);
        await queryRunner.query(`
            ALTER TABLE "score" DROP CONSTRAINT "FK_cb67222dccc48ea76b2b465ecbd"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conflict_of_interest_edition_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "conflict_of_interest"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."score_edition_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "score"
        `);
    }

}
