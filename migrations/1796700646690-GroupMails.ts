import { MigrationInterface, QueryRunner } from "typeorm";

// Mail to groups (issue 19): a coordinator's message to a filtered group of one edition, and the
// recipients it was addressed to (its mails are deliveries of template groupMail).
export class GroupMails1796700646690 implements MigrationInterface {
    name = 'GroupMails1796700646690'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "group_mail" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "filter" jsonb NOT NULL, "versions" jsonb NOT NULL, "recipient_count" integer NOT NULL, "event_id" uuid, CONSTRAINT "PK_ec089c7ae4e0b6eafbe01af9e6d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "group_mail_edition_idx" ON "group_mail"  ("edition_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "group_mail_recipient" ("group_mail_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "city_id" uuid, CONSTRAINT "PK_738022c81f534b845404786ff72" PRIMARY KEY ("group_mail_id", "user_id"))`);
        await queryRunner.query(`ALTER TABLE "group_mail" ADD CONSTRAINT "FK_ec9e2399daff998877c27a6b4eb" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_mail" ADD CONSTRAINT "FK_7455d3f8cdace7e7cfaf4ef396d" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_mail_recipient" ADD CONSTRAINT "FK_714594cd00399bcd9f88948a40a" FOREIGN KEY ("group_mail_id") REFERENCES "group_mail"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_mail_recipient" ADD CONSTRAINT "FK_6673db8f32bb8a94ce7485d5c9c" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_mail_recipient" ADD CONSTRAINT "FK_29bace216833d28b7619f8a78cc" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "group_mail_recipient"`);
        await queryRunner.query(`DROP INDEX "public"."group_mail_edition_idx"`);
        await queryRunner.query(`DROP TABLE "group_mail"`);
    }
}
