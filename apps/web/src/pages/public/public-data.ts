// Public data shared by the public screens.
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { PublicEdition } from '../../api/types';
import type { Translatable } from '../../i18n/names';

/** Published editions, newest first. */
export async function loadPublishedEditions(signal: AbortSignal): Promise<PublicEdition[]> {
  const editions = await unwrap(client.GET('/api/public/editions', { signal }));
  return [...editions].sort((a, b) => b.year - a.year);
}

export interface CatalogueFacets {
  years: number[];
  /** Cities with a distinction, by name. */
  cities: string[];
  /** Categories of the distinctions by their Polish name (the same across editions), with translations. */
  categories: Map<string, Translatable>;
}

/**
 * What the catalogue's filters offer: the published editions' years, and the cities and categories
 * of their awards (the public API has no list of them; the awards of a few editions are small).
 */
export async function loadCatalogueFacets(signal: AbortSignal): Promise<CatalogueFacets> {
  const editions = await loadPublishedEditions(signal);
  const awards = await Promise.all(editions.map((edition) => unwrap(client.GET('/api/public/editions/{year}/awards', { params: { path: { year: edition.year } }, signal }))));
  const cities = new Set<string>();
  const categories = new Map<string, Translatable>();
  for (const { awards: list } of awards) {
    for (const award of list) {
      cities.add(award.city.name);
      for (const category of award.categories) if (!categories.has(category.name)) categories.set(category.name, category);
    }
  }
  return { years: editions.map((edition) => edition.year), cities: [...cities].sort((a, b) => a.localeCompare(b, 'pl')), categories };
}
