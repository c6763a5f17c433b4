// The demo data (libs/domain/src/demo) in a test's own database, with the password hashed once per file.
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DemoSeedOptions, DemoSeedSummary, hashPassword, seedDemoData } from '@app/domain';

let demoPasswordHash: Promise<string> | null = null;

export async function seedDemo(ds: DataSource, options: Pick<DemoSeedOptions, 'demoYear'> = {}): Promise<DemoSeedSummary> {
  demoPasswordHash ??= hashPassword(DEMO_PASSWORD);
  return seedDemoData(ds.manager, { ...options, password: DEMO_PASSWORD, passwordHash: await demoPasswordHash });
}
