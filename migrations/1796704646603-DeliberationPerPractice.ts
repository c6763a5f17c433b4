// Deliberation per practice (issue 19): the thread of comments per practice, notes linked to a
// practice or an award, and the recorded vote on an award (rounds and the jurors' choices).
import { MigrationInterface, QueryRunner } from "typeorm";

export class DeliberationPerPractice1796704646603 implements MigrationInterface {
    name = 'DeliberationPerPractice1796704646603'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "award_vote_round" (
                "award_id" uuid NOT NULL,
                "opened_by" uuid NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "closed_by" uuid,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_35589892894ad98efcc5e76c79a" PRIMARY KEY ("award_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "award_vote" (
                "award_id" uuid NOT NULL,
                "juror_id" uuid NOT NULL,
                "choice" character varying(10) NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "award_vote_choice" CHECK (choice IN ('for', 'against', 'abstain')),
                CONSTRAINT "PK_ed22fa5e28531da1b7fd1bdaa06" PRIMARY KEY ("award_id", "juror_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "practice_comment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "practice_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "practice_comment_body_length" CHECK (
                    char_length(body) BETWEEN 1 AND 4000
                ),
                CONSTRAINT "PK_74de1d783b409b482e78726de9d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "practice_comment_practice_idx" ON "practice_comment" ("practice_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note"
            ADD "practice_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note"
            ADD "award_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note"
            ADD CONSTRAINT "deliberation_note_one_link" CHECK (
                    practice_id IS NULL
                    OR award_id IS NULL
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote_round"
            ADD CONSTRAINT "FK_35589892894ad98efcc5e76c79a" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote_round"
            ADD CONSTRAINT "FK_79de384b4f582ef2cb6acbce738" FOREIGN KEY ("opened_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote_round"
            ADD CONSTRAINT "FK_a6108335e72f1e1fd5e5a0abb46" FOREIGN KEY ("closed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote"
            ADD CONSTRAINT "FK_ca88a6bc56a7fb538b5032e3c28" FOREIGN KEY ("award_id") REFERENCES "award_vote_round"("award_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote"
            ADD CONSTRAINT "FK_f6158bf27271f07d2a0c0325993" FOREIGN KEY ("juror_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note"
            ADD CONSTRAINT "FK_e0a48ef2f2d952332cd19f281f3" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note"
            ADD CONSTRAINT "FK_9ad2704af2010b78c5e925e8267" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_comment"
            ADD CONSTRAINT "FK_79da1abb69afae5cba9b6281a2b" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_comment"
            ADD CONSTRAINT "FK_2323c05514fc4547bf7d2a0b892" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "practice_comment" DROP CONSTRAINT "FK_2323c05514fc4547bf7d2a0b892"
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_comment" DROP CONSTRAINT "FK_79da1abb69afae5cba9b6281a2b"
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note" DROP CONSTRAINT "FK_9ad2704af2010b78c5e925e8267"
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note" DROP CONSTRAINT "FK_e0a48ef2f2d952332cd19f281f3"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote" DROP CONSTRAINT "FK_f6158bf27271f07d2a0c0325993"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote" DROP CONSTRAINT "FK_ca88a6bc56a7fb538b5032e3c28"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote_round" DROP CONSTRAINT "FK_a6108335e72f1e1fd5e5a0abb46"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote_round" DROP CONSTRAINT "FK_79de384b4f582ef2cb6acbce738"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_vote_round" DROP CONSTRAINT "FK_35589892894ad98efcc5e76c79a"
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note" DROP CONSTRAINT "deliberation_note_one_link"
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note" DROP COLUMN "award_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "deliberation_note" DROP COLUMN "practice_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."practice_comment_practice_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "practice_comment"
        `);
        await queryRunner.query(`
            DROP TABLE "award_vote"
        `);
        await queryRunner.query(`
            DROP TABLE "award_vote_round"
        `);
    }

}
