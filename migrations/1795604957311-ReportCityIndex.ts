import { MigrationInterface, QueryRunner } from "typeorm";

export class ReportCityIndex1795604957311 implements MigrationInterface {
    name = 'ReportCityIndex1795604957311'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "report_city_idx" ON "report" ("city_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."report_city_idx"
        `);
    }

}
