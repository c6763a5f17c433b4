import { MigrationInterface, QueryRunner } from "typeorm";

// At-least-once delivery (issue 15): the claim's lease is `claimed_until` (renamed, same meaning),
// each delivery keeps one Message-ID for every copy (existing rows get one now), and counts the
// attempts that may have handed it over.
export class AtLeastOnceDelivery1795700000000 implements MigrationInterface {
    name = 'AtLeastOnceDelivery1795700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification_delivery" RENAME COLUMN "lease_until" TO "claimed_until"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery"
            ADD "message_id" uuid NOT NULL DEFAULT gen_random_uuid()
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery"
            ADD "handover_count" smallint NOT NULL DEFAULT '0'
        `);
        // Deliveries sent before: one hand-over each.
        await queryRunner.query(`
            UPDATE "notification_delivery" SET "handover_count" = 1 WHERE "status" = 'sent'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification_delivery" DROP COLUMN "handover_count"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery" DROP COLUMN "message_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery" RENAME COLUMN "claimed_until" TO "lease_until"
        `);
    }

}
