import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795592667300 implements MigrationInterface {
    name = 'Foundation1795592667300'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "outbox_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" character varying(64) NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "enqueued_at" TIMESTAMP WITH TIME ZONE,
                "processed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "outbox_event_unenqueued_idx" ON "outbox_event" ("created_at")
            WHERE enqueued_at IS NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."outbox_event_unenqueued_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_event"
        `);
    }

}
