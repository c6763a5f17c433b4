// Names for the ids in the user's role grants (editions and cities the user may see).
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { EditionView } from '../../api/types';

/** Only what a label needs, so the API may add fields freely. */
export interface Names {
  editions: Map<string, Pick<EditionView, 'id' | 'year' | 'name' | 'stage' | 'reportsDueAt' | 'scoringDueAt'>>;
  cities: Map<string, { name: string }>;
}

export async function loadNames(signal: AbortSignal): Promise<Names> {
  const [editions, cities] = await Promise.all([
    unwrap(client.GET('/api/editions', { params: { query: { limit: 200 } }, signal })).then((page) => page.items),
    unwrap(client.GET('/api/cities', { params: { query: { limit: 200 } }, signal })).then((page) => page.items),
  ]);
  return {
    editions: new Map(editions.map((edition) => [edition.id, edition])),
    cities: new Map(cities.map((city) => [city.id, city])),
  };
}
