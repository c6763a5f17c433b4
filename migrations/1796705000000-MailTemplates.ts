import { MigrationInterface, QueryRunner } from "typeorm";

// Editable automatic mails (issue 19): a coordinator's subject and body of a template per edition
// and language, and a counter on the edition that moves with each change, so that senders reload
// their cached overrides only then.
export class MailTemplates1796705000000 implements MigrationInterface {
    name = 'MailTemplates1796705000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "mail_template_override" ("edition_id" uuid NOT NULL, "template" character varying(64) NOT NULL, "locale" character varying(8) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_mail_template_override" PRIMARY KEY ("edition_id", "template", "locale"))`);
        await queryRunner.query(`ALTER TABLE "mail_template_override" ADD CONSTRAINT "FK_ed4ff5a594ac01a4cb61f64d08a" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "edition" ADD "mail_templates_revision" integer NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "edition" DROP COLUMN "mail_templates_revision"`);
        await queryRunner.query(`ALTER TABLE "mail_template_override" DROP CONSTRAINT "FK_ed4ff5a594ac01a4cb61f64d08a"`);
        await queryRunner.query(`DROP TABLE "mail_template_override"`);
    }
}
