import { MigrationInterface, QueryRunner } from "typeorm";

// A follow-up of a distinction that covered several practices records what became of each one
// (issue 17): its own status stays as the whole distinction's, for the readers of the old field.
export class FollowUpPractices1796710842661 implements MigrationInterface {
    name = 'FollowUpPractices1796710842661'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "follow_up_practice" ("follow_up_id" uuid NOT NULL, "practice_id" uuid NOT NULL, "status" "public"."follow_up_status" NOT NULL, CONSTRAINT "PK_8376d68e3f5422238f91741d719" PRIMARY KEY ("follow_up_id", "practice_id"))`);
        await queryRunner.query(`CREATE INDEX "follow_up_practice_practice_idx" ON "follow_up_practice" ("practice_id") `);
        await queryRunner.query(`ALTER TABLE "follow_up_practice" ADD CONSTRAINT "FK_8ae5c8f54d4852f2a6f058f42e8" FOREIGN KEY ("follow_up_id") REFERENCES "follow_up"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "follow_up_practice" ADD CONSTRAINT "FK_5c3bf0e0fa4340a4d13b39c62c6" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "follow_up_practice" DROP CONSTRAINT "FK_5c3bf0e0fa4340a4d13b39c62c6"`);
        await queryRunner.query(`ALTER TABLE "follow_up_practice" DROP CONSTRAINT "FK_8ae5c8f54d4852f2a6f058f42e8"`);
        await queryRunner.query(`DROP INDEX "public"."follow_up_practice_practice_idx"`);
        await queryRunner.query(`DROP TABLE "follow_up_practice"`);
    }
}
