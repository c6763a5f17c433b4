// Names for the ids in the user's role grants (editions and cities the user may see).
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { City, Edition } from '../../api/pending-paths';

export interface Names {
  editions: Map<string, Edition>;
  cities: Map<string, City>;
}

export async function loadNames(signal: AbortSignal): Promise<Names> {
  const [editions, cities] = await Promise.all([
    unwrap(client.GET('/api/editions', { params: { query: { limit: 200 } }, signal })),
    unwrap(client.GET('/api/cities', { params: { query: { limit: 200 } }, signal })),
  ]);
  return {
    editions: new Map(editions.items.map((edition) => [edition.id, edition])),
    cities: new Map(cities.items.map((city) => [city.id, city])),
  };
}
