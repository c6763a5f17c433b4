import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795594784025 implements MigrationInterface {
    name = 'Notifications1795594784025'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."notification_status" AS ENUM('pending', 'sent', 'failed')
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "dedupe_key" character varying(200) NOT NULL,
                "template" character varying(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "context" jsonb NOT NULL DEFAULT '{}',
                "status" "public"."notification_status" NOT NULL DEFAULT 'pending',
                "attempts" smallint NOT NULL DEFAULT '0',
                "last_error" text,
                "claim_token" uuid,
                "lease_until" TIMESTAMP WITH TIME ZONE,
                "email" character varying(254),
                "locale" character varying(8),
                "subject" character varying(300),
                "receipt" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "notification_delivery_status_idx" ON "notification_delivery" ("status", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "notification_delivery_event_idx" ON "notification_delivery" ("event_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "notification_delivery_user_idx" ON "notification_delivery" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "notification_delivery_once_unique" ON "notification_delivery" ("dedupe_key", "user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery"
            ADD CONSTRAINT "FK_ec0ae00b82685d300c8dad83cab" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification_delivery" DROP CONSTRAINT "FK_ec0ae00b82685d300c8dad83cab"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_delivery_once_unique"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_delivery_user_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_delivery_event_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_delivery_status_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_delivery"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."notification_status"
        `);
    }

}
