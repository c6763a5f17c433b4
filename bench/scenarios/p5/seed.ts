// P5's set-up: the producer side of the app, whether Redis answers, and the seeded recipients.
import { DynamicModule, Module } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigModule, DatabaseModule, QueueModule } from '@app/core';
import { ALL_ENTITIES } from '@app/domain';

/** The producer side of the app (what the API has): config, TypeORM, UnitOfWork + OutboxRelay, queues. */
@Module({})
export class P5ProducerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: P5ProducerModule, imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(ALL_ENTITIES), QueueModule.forRoot()] };
  }
}

export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface Seeded {
  editionId: string;
  warmupEditionId: string;
}

/** One city, the measured edition with `recipients` jurors and a warm-up edition with the first `warmup` of them. */
export async function seed(dataSource: DataSource, recipients: number, warmup: number): Promise<Seeded> {
  return dataSource.transaction(async (m) => {
    const [city]: { id: string }[] = await m.query(`INSERT INTO city (name, region) VALUES ('Wrocław', 'dolnośląskie') RETURNING id`);
    const [edition]: { id: string }[] = await m.query(
      `INSERT INTO edition (year, name, stage, scoring_due_at) VALUES (2099, 'Miasta Otwarte 2099', 'reportsOpen', '2099-06-30T21:59:00Z') RETURNING id`,
    );
    const [warm]: { id: string }[] = await m.query(
      `INSERT INTO edition (year, name, stage, scoring_due_at) VALUES (2098, 'Miasta Otwarte 2098', 'reportsOpen', '2098-06-30T21:59:00Z') RETURNING id`,
    );
    // Jurors in three languages; a placeholder hash (nobody signs in here).
    await m.query(
      `INSERT INTO app_user (email, name, locale, password_hash, status)
       SELECT format('juror-%s@p5.bench.example.org', lpad(i::text, 6, '0')), format('Jurorka %s', i),
              (ARRAY['pl', 'en', 'uk'])[1 + i % 3], '$argon2id$placeholder', 'active'
         FROM generate_series(1, $1::int) AS i`,
      [recipients],
    );
    await m.query(
      `INSERT INTO role_grant (user_id, role, edition_id, city_id)
       SELECT id, 'juror', $1, CASE WHEN row_number() OVER (ORDER BY email) % 4 = 0 THEN $2::uuid END FROM app_user`,
      [edition.id, city.id],
    );
    await m.query(
      `INSERT INTO role_grant (user_id, role, edition_id) SELECT id, 'juror', $1 FROM app_user ORDER BY email LIMIT $2`,
      [warm.id, warmup],
    );
    // Not in the audience: a disabled juror and an expert of the edition.
    const [disabled]: { id: string }[] = await m.query(
      `INSERT INTO app_user (email, name, status) VALUES ('disabled@p5.bench.example.org', 'Wyłączony', 'disabled') RETURNING id`,
    );
    await m.query(`INSERT INTO role_grant (user_id, role, edition_id) VALUES ($1, 'juror', $2)`, [disabled.id, edition.id]);
    const [expert]: { id: string }[] = await m.query(
      `INSERT INTO app_user (email, name, status) VALUES ('expert@p5.bench.example.org', 'Ekspertka', 'active') RETURNING id`,
    );
    await m.query(`INSERT INTO role_grant (user_id, role, edition_id, city_id) VALUES ($1, 'expert', $2, $3)`, [expert.id, edition.id, city.id]);
    return { editionId: edition.id, warmupEditionId: warm.id };
  });
}
