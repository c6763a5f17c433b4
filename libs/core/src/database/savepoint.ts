// A savepoint inside the caller's transaction: a failed step is undone alone (PostgreSQL would
// otherwise refuse every later statement of the transaction), the steps before it stay.
import { EntityManager } from 'typeorm';

export async function withSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  await manager.query('SAVEPOINT step');
  try {
    const result = await work();
    await manager.query('RELEASE SAVEPOINT step');
    return result;
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT step');
    await manager.query('RELEASE SAVEPOINT step');
    throw error;
  }
}
