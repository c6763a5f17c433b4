import { MigrationInterface, QueryRunner } from "typeorm";

export class PersonErasure1796637472115 implements MigrationInterface {
    name = 'PersonErasure1796637472115'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD "erased_at" TIMESTAMP WITH TIME ZONE
        `);
        // Hand-written: the audit log stays append-only, except the rewrite of an erasure, which
        // replaces a person's name and e-mail in the details (its transaction sets the flag).
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' AND current_setting('open_cities.erasure', true) = 'on' THEN
                    RETURN NULL;
                END IF;
                RAISE EXCEPTION 'audit_event is append-only';
            END $$
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only';
            END $$
        `);
        await queryRunner.query(`
            ALTER TABLE "app_user" DROP COLUMN "erased_at"
        `);
    }

}
