// Public data shared by the public screens.
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PublicEdition } from '../../api/pending-paths';

/** Published editions, newest first. */
export async function loadPublishedEditions(signal: AbortSignal): Promise<PublicEdition[]> {
  const editions = await unwrap(client.GET('/api/public/editions', { signal }));
  return [...editions].sort((a, b) => b.year - a.year);
}
