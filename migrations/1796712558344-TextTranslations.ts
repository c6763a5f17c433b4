import { MigrationInterface, QueryRunner } from "typeorm";

// Content translations of single texts (issue 17): a category's description, an award's citation and
// a follow-up's note per language, each translation with who provided it, when, and whether the
// original changed since; and the language categories' and awards' originals are written in.
const TABLES = [
    { table: 'category_description_translation', key: 'category_id', subject: 'category', pk: 'PK_3e81518643b015c1c822059467e', fkSubject: 'FK_159cf717856809141daf14a4fc0', fkUser: 'FK_2b6db1a4f3aff1622c1cf419eba' },
    { table: 'award_citation_translation', key: 'award_id', subject: 'award', pk: 'PK_099f62bd2624407703b0fe36221', fkSubject: 'FK_23865e771e1e57605cde2eda420', fkUser: 'FK_8874b9de2339b0e5226306dc816' },
    { table: 'follow_up_note_translation', key: 'follow_up_id', subject: 'follow_up', pk: 'PK_37cf4f9ff5150096fb00fffef0a', fkSubject: 'FK_572d591a214316836973733cf89', fkUser: 'FK_91c8822e33c7e9ed28a8b155233' },
];

export class TextTranslations1796712558344 implements MigrationInterface {
    name = 'TextTranslations1796712558344'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "category" ADD "original_language" character varying(8) NOT NULL DEFAULT 'pl'`);
        await queryRunner.query(`ALTER TABLE "award" ADD "original_language" character varying(8) NOT NULL DEFAULT 'pl'`);
        for (const t of TABLES) {
            await queryRunner.query(`
                CREATE TABLE "${t.table}" (
                    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                    "language" character varying(8) NOT NULL,
                    "text" text NOT NULL,
                    "provided_by" uuid,
                    "provided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                    "outdated" boolean NOT NULL DEFAULT false,
                    "${t.key}" uuid NOT NULL,
                    CONSTRAINT "${t.table}_language_unique" UNIQUE ("${t.key}", "language"),
                    CONSTRAINT "${t.pk}" PRIMARY KEY ("id")
                )
            `);
            await queryRunner.query(`ALTER TABLE "${t.table}" ADD CONSTRAINT "${t.fkUser}" FOREIGN KEY ("provided_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
            await queryRunner.query(`ALTER TABLE "${t.table}" ADD CONSTRAINT "${t.fkSubject}" FOREIGN KEY ("${t.key}") REFERENCES "${t.subject}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const t of [...TABLES].reverse()) {
            await queryRunner.query(`DROP TABLE "${t.table}"`);
        }
        await queryRunner.query(`ALTER TABLE "award" DROP COLUMN "original_language"`);
        await queryRunner.query(`ALTER TABLE "category" DROP COLUMN "original_language"`);
    }
}
