import { MigrationInterface, QueryRunner } from "typeorm";

export class AwardPositionsAndIdempotencyKeys1796624890889 implements MigrationInterface {
    name = 'AwardPositionsAndIdempotencyKeys1796624890889'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "idempotency_key" (
                "principal_id" uuid NOT NULL,
                "key" character varying(255) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "response_status" smallint,
                "response_body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_3af9e276bd8fd501e62d59a2fa3" PRIMARY KEY ("principal_id", "key")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idempotency_key_expires_idx" ON "idempotency_key" ("expires_at")
        `);
        // Hand-added: concurrent creations could give awards the same position (and a removal let
        // the next one reuse a number); renumber each edition's awards in their shown order first.
        await queryRunner.query(`
            UPDATE "award" a SET "position" = ordered.new_position
              FROM (SELECT id, (row_number() OVER (PARTITION BY edition_id ORDER BY position, created_at, id) - 1)::smallint AS new_position FROM "award") ordered
             WHERE a.id = ordered.id AND a."position" <> ordered.new_position
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "award_edition_position_unique" ON "award" ("edition_id", "position")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."award_edition_position_unique"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idempotency_key_expires_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_key"
        `);
    }

}
