import { MigrationInterface, QueryRunner } from "typeorm";

// Panels and practice assignment (issue 19): optional per edition. Without an assignment row the
// edition keeps the default (every juror scores every eligible practice outside their conflicts).
// The (practice_id, …) unique indexes serve the score write's assignment check.
export class JuryPanels1796700646578 implements MigrationInterface {
    name = 'JuryPanels1796700646578'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "jury_panel" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "jury_panel_edition_name_unique" UNIQUE ("edition_id", "name"), CONSTRAINT "PK_18855f8132edf9df8f76e76e1d0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "jury_panel_member" ("panel_id" uuid NOT NULL, "juror_id" uuid NOT NULL, CONSTRAINT "PK_ce187224afcacc78c6a70ba0b12" PRIMARY KEY ("panel_id", "juror_id"))`);
        await queryRunner.query(`CREATE INDEX "jury_panel_member_juror_idx" ON "jury_panel_member" ("juror_id")`);
        await queryRunner.query(`CREATE TABLE "practice_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "practice_id" uuid NOT NULL, "panel_id" uuid, "juror_id" uuid, CONSTRAINT "practice_assignment_one_target" CHECK ((panel_id IS NULL) <> (juror_id IS NULL)), CONSTRAINT "PK_39f7e2ed08a0c5813cd90547b5a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "practice_assignment_practice_juror_unique" ON "practice_assignment" ("practice_id", "juror_id")`);
        await queryRunner.query(`CREATE UNIQUE INDEX "practice_assignment_practice_panel_unique" ON "practice_assignment" ("practice_id", "panel_id")`);
        await queryRunner.query(`CREATE INDEX "practice_assignment_edition_idx" ON "practice_assignment" ("edition_id")`);
        await queryRunner.query(`ALTER TABLE "jury_panel" ADD CONSTRAINT "FK_be2f92df9ebb1dded2eb982b8a4" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "jury_panel_member" ADD CONSTRAINT "FK_cce789a6cbc0d747704ec4bd1b1" FOREIGN KEY ("panel_id") REFERENCES "jury_panel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "jury_panel_member" ADD CONSTRAINT "FK_6897adb11e583deccd2dfbfbde5" FOREIGN KEY ("juror_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "practice_assignment" ADD CONSTRAINT "FK_605a5a86c6e17da7d708f082ebd" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "practice_assignment" ADD CONSTRAINT "FK_4f79ab44458e2d935583d43ac86" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "practice_assignment" ADD CONSTRAINT "FK_d48643543b4f3963855c9de9813" FOREIGN KEY ("panel_id") REFERENCES "jury_panel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "practice_assignment" ADD CONSTRAINT "FK_71227fab25636d4d5f183842175" FOREIGN KEY ("juror_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "practice_assignment"`);
        await queryRunner.query(`DROP TABLE "jury_panel_member"`);
        await queryRunner.query(`DROP TABLE "jury_panel"`);
    }
}
