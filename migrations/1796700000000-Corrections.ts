import { MigrationInterface, QueryRunner } from "typeorm";

// Corrections (issue 19): a reopened report keeps why and when; a role grant may carry a personal,
// later deadline with its reason; a stage step back records its reason in the stage history.
export class Corrections1796700000000 implements MigrationInterface {
    name = 'Corrections1796700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "report" ADD "reopen_reason" text`);
        await queryRunner.query(`ALTER TABLE "report" ADD "reopened_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "report" ADD "reopened_by" uuid`);
        await queryRunner.query(`ALTER TABLE "role_grant" ADD "extended_due_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "role_grant" ADD "extension_reason" text`);
        await queryRunner.query(`ALTER TABLE "edition_stage_event" ADD "reason" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "edition_stage_event" DROP COLUMN "reason"`);
        await queryRunner.query(`ALTER TABLE "role_grant" DROP COLUMN "extension_reason"`);
        await queryRunner.query(`ALTER TABLE "role_grant" DROP COLUMN "extended_due_at"`);
        await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "reopened_by"`);
        await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "reopened_at"`);
        await queryRunner.query(`ALTER TABLE "report" DROP COLUMN "reopen_reason"`);
    }
}
