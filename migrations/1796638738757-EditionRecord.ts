import { MigrationInterface, QueryRunner } from "typeorm";

export class EditionRecord1796638738757 implements MigrationInterface {
    name = 'EditionRecord1796638738757'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "award"
            ADD "received_by" character varying(300)
        `);
        await queryRunner.query(`
            ALTER TABLE "edition"
            ADD "occasion" character varying(300)
        `);
        await queryRunner.query(`
            ALTER TABLE "edition"
            ADD "occasion_period" character varying(120)
        `);
        await queryRunner.query(`
            ALTER TABLE "edition"
            ADD "organisers" character varying(500)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "edition" DROP COLUMN "organisers"
        `);
        await queryRunner.query(`
            ALTER TABLE "edition" DROP COLUMN "occasion_period"
        `);
        await queryRunner.query(`
            ALTER TABLE "edition" DROP COLUMN "occasion"
        `);
        await queryRunner.query(`
            ALTER TABLE "award" DROP COLUMN "received_by"
        `);
    }

}
