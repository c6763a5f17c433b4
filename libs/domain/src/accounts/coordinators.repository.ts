// Statements about who may still run the award: the active coordinators, locked together so that
// two coordinators disabling each other at once cannot leave nobody.
import { EntityManager } from 'typeorm';

/**
 * Locks every active coordinator's account row, in id order (so concurrent callers queue instead of
 * deadlocking), and returns their ids. A caller that waited re-reads the rows another transaction
 * disabled meanwhile, so the list it gets is the one after that change.
 */
export async function lockActiveCoordinators(manager: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT u.id FROM app_user u
      WHERE u.status = 'active' AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = 'coordinator')
      ORDER BY u.id
        FOR UPDATE OF u`,
  );
  return rows.map((row) => row.id);
}
