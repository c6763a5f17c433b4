import { MigrationInterface, QueryRunner } from "typeorm";

export class ExpertStage1795594346667 implements MigrationInterface {
    name = 'ExpertStage1795594346667'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "category" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "name" character varying(300) NOT NULL,
                "description" text,
                "translations" jsonb NOT NULL DEFAULT '{}',
                "position" smallint NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9c4e4a89e3674fc9f382d733f03" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "category_edition_name_unique" ON "category" ("edition_id", "name")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."report_status" AS ENUM('draft', 'submitted')
        `);
        await queryRunner.query(`
            CREATE TABLE "report" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "city_id" uuid NOT NULL,
                "status" "public"."report_status" NOT NULL DEFAULT 'draft',
                "summary" text NOT NULL DEFAULT '',
                "created_by" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "report_edition_city_unique" UNIQUE ("edition_id", "city_id"),
                CONSTRAINT "PK_99e4d0bea58cba73c57f935a546" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."practice_status" AS ENUM(
                'draft',
                'submitted',
                'eligible',
                'ineligible',
                'distinguished',
                'notDistinguished'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "practice" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report_id" uuid NOT NULL,
                "title" character varying(300) NOT NULL,
                "description" text NOT NULL,
                "recipient_units" character varying(300) array NOT NULL DEFAULT '{}',
                "started_on" date,
                "links" character varying(2000) array NOT NULL DEFAULT '{}',
                "status" "public"."practice_status" NOT NULL DEFAULT 'draft',
                "eligibility_reason" text,
                "eligibility_decided_at" TIMESTAMP WITH TIME ZONE,
                "eligibility_decided_by" uuid,
                "position" smallint NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "practice_ineligible_has_reason" CHECK (
                    status <> 'ineligible'
                    OR eligibility_reason IS NOT NULL
                ),
                CONSTRAINT "PK_4d094a10eae690da34cc5b8ea32" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "practice_report_idx" ON "practice" ("report_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "report_file" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report_id" uuid NOT NULL,
                "filename" character varying(255) NOT NULL,
                "content_type" character varying(120) NOT NULL,
                "size" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "uploaded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1ee07d7eee68a3ea0a9a73e1454" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "report_file_report_idx" ON "report_file" ("report_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."follow_up_status" AS ENUM(
                'implemented',
                'continued',
                'expanded',
                'discontinued',
                'unknown'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "follow_up" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report_id" uuid NOT NULL,
                "award_id" uuid NOT NULL,
                "status" "public"."follow_up_status" NOT NULL,
                "assessment" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "follow_up_report_award_unique" UNIQUE ("report_id", "award_id"),
                CONSTRAINT "PK_5c0a5f5b32937e47e0ab09d596c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "award" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "city_id" uuid NOT NULL,
                "recipient_unit" character varying(300),
                "citation" text,
                "position" smallint NOT NULL DEFAULT '0',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e887e4e69663925ebb60d3a7775" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "award_edition_idx" ON "award" ("edition_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "edition_stage_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "from_stage" "public"."edition_stage" NOT NULL,
                "to_stage" "public"."edition_stage" NOT NULL,
                "actor_id" uuid,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b6ba4f93aaa7970b8740243e36" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "edition_stage_event_edition_idx" ON "edition_stage_event" ("edition_id", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "practice_category" (
                "practice_id" uuid NOT NULL,
                "category_id" uuid NOT NULL,
                CONSTRAINT "PK_cfb18de30303abce9e237cbc2e4" PRIMARY KEY ("practice_id", "category_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a70fbaf17a14330df5b18e82c5" ON "practice_category" ("practice_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0bd017df61afeb7553c952a7d0" ON "practice_category" ("category_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "award_category" (
                "award_id" uuid NOT NULL,
                "category_id" uuid NOT NULL,
                CONSTRAINT "PK_67b71bd63fa0b8ab0424be822d7" PRIMARY KEY ("award_id", "category_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d9f314a7aeb810ebd3922566b7" ON "award_category" ("award_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a096238078d593e8ec050556e1" ON "award_category" ("category_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "award_practice" (
                "award_id" uuid NOT NULL,
                "practice_id" uuid NOT NULL,
                CONSTRAINT "PK_a8942a3e9aa9f0520a03460d8f3" PRIMARY KEY ("award_id", "practice_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c68d86eeceba6dba8440929bc7" ON "award_practice" ("award_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3dc18fc9d4f23751bf3572da4c" ON "award_practice" ("practice_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "category"
            ADD CONSTRAINT "FK_cb8f606ba7d2320a171e0cebdbe" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report"
            ADD CONSTRAINT "FK_71834b61484ebf13a65b65719ec" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report"
            ADD CONSTRAINT "FK_3843101455e0a770a29f5c93829" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "practice"
            ADD CONSTRAINT "FK_cc6099f6f2678856eb09434dc48" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "report_file"
            ADD CONSTRAINT "FK_81c2f33b45737d28490c6314573" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up"
            ADD CONSTRAINT "FK_7240f50b2458f150f9b09e1d645" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up"
            ADD CONSTRAINT "FK_ad58a714b4d466ed5a724d1afdf" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "award"
            ADD CONSTRAINT "FK_4ab39db9f340e7ea1fc33c2293f" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "award"
            ADD CONSTRAINT "FK_0f4347f0d126178d19d69aebb10" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "edition_stage_event"
            ADD CONSTRAINT "FK_6a3cc46464c7dc3234797f6b944" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_category"
            ADD CONSTRAINT "FK_a70fbaf17a14330df5b18e82c50" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_category"
            ADD CONSTRAINT "FK_0bd017df61afeb7553c952a7d0b" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "award_category"
            ADD CONSTRAINT "FK_d9f314a7aeb810ebd3922566b7e" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "award_category"
            ADD CONSTRAINT "FK_a096238078d593e8ec050556e1f" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "award_practice"
            ADD CONSTRAINT "FK_c68d86eeceba6dba8440929bc7f" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "award_practice"
            ADD CONSTRAINT "FK_3dc18fc9d4f23751bf3572da4cf" FOREIGN KEY ("practice_id") REFERENCES "practice"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "award_practice" DROP CONSTRAINT "FK_3dc18fc9d4f23751bf3572da4cf"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_practice" DROP CONSTRAINT "FK_c68d86eeceba6dba8440929bc7f"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_category" DROP CONSTRAINT "FK_a096238078d593e8ec050556e1f"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_category" DROP CONSTRAINT "FK_d9f314a7aeb810ebd3922566b7e"
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_category" DROP CONSTRAINT "FK_0bd017df61afeb7553c952a7d0b"
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_category" DROP CONSTRAINT "FK_a70fbaf17a14330df5b18e82c50"
        `);
        await queryRunner.query(`
            ALTER TABLE "edition_stage_event" DROP CONSTRAINT "FK_6a3cc46464c7dc3234797f6b944"
        `);
        await queryRunner.query(`
            ALTER TABLE "award" DROP CONSTRAINT "FK_0f4347f0d126178d19d69aebb10"
        `);
        await queryRunner.query(`
            ALTER TABLE "award" DROP CONSTRAINT "FK_4ab39db9f340e7ea1fc33c2293f"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up" DROP CONSTRAINT "FK_ad58a714b4d466ed5a724d1afdf"
        `);
        await queryRunner.query(`
            ALTER TABLE "follow_up" DROP CONSTRAINT "FK_7240f50b2458f150f9b09e1d645"
        `);
        await queryRunner.query(`
            ALTER TABLE "report_file" DROP CONSTRAINT "FK_81c2f33b45737d28490c6314573"
        `);
        await queryRunner.query(`
            ALTER TABLE "practice" DROP CONSTRAINT "FK_cc6099f6f2678856eb09434dc48"
        `);
        await queryRunner.query(`
            ALTER TABLE "report" DROP CONSTRAINT "FK_3843101455e0a770a29f5c93829"
        `);
        await queryRunner.query(`
            ALTER TABLE "report" DROP CONSTRAINT "FK_71834b61484ebf13a65b65719ec"
        `);
        await queryRunner.query(`
            ALTER TABLE "category" DROP CONSTRAINT "FK_cb8f606ba7d2320a171e0cebdbe"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3dc18fc9d4f23751bf3572da4c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c68d86eeceba6dba8440929bc7"
        `);
        await queryRunner.query(`
            DROP TABLE "award_practice"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a096238078d593e8ec050556e1"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d9f314a7aeb810ebd3922566b7"
        `);
        await queryRunner.query(`
            DROP TABLE "award_category"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0bd017df61afeb7553c952a7d0"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a70fbaf17a14330df5b18e82c5"
        `);
        await queryRunner.query(`
            DROP TABLE "practice_category"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."edition_stage_event_edition_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "edition_stage_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."award_edition_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "award"
        `);
        await queryRunner.query(`
            DROP TABLE "follow_up"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."follow_up_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."report_file_report_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "report_file"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."practice_report_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "practice"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."practice_status"
        `);
        await queryRunner.query(`
            DROP TABLE "report"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."report_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."category_edition_name_unique"
        `);
        await queryRunner.query(`
            DROP TABLE "category"
        `);
    }

}
