// Entities and committed migrations must agree: generating a migration now would produce nothing.
import { pendingSchemaChanges } from '@app/core';
import { ALL_ENTITIES } from '@app/domain';
import { createTestDatabase, TestDatabase } from '@app/testing';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('leave no drift between entities and schema', async () => {
    const pending = await pendingSchemaChanges(db.url, ALL_ENTITIES);
    expect(pending).toEqual([]);
  });
});
