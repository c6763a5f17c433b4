// What the edition walk (edition-walk.browser.e2e-spec.ts) starts from: the demo edition in
// reportsOpen with Kraków's report already submitted through the API (not the subject of a step),
// and what the Lublin expert writes and uploads, which the jurors then read and download.
import { demoEdition, type apiAs } from './browser-harness';

type Api = Awaited<ReturnType<typeof apiAs>>;

export const lublinSummary = 'Lublin od lat rozwija politykę otwartości wobec migrantów; poniżej praktyka z ostatniego roku.';
export const evidenceName = 'Sprawozdanie z działalności punktu.pdf';
export const evidencePdf = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** What the steps pass on to each other. */
export interface WalkState {
  editionId: string;
  cities: Record<string, string>;
  categories: { id: string; name: string }[];
  lublinPractice: string;
  practiceTitle: string;
}

export function newWalkState(): WalkState {
  return { editionId: '', cities: {}, categories: [], lublinPractice: '', practiceTitle: 'Wielojęzyczny punkt informacyjny dla migrantów w ratuszu' };
}

export async function prepareDemoEdition(apiAsDemo: (who: string) => Promise<Api>): Promise<Pick<WalkState, 'editionId' | 'cities' | 'categories'>> {
  const coordinator = await apiAsDemo('koordynator');
  const { editionId, cities, categories } = await demoEdition(coordinator);
  const krakow = await apiAsDemo('ekspert.krakow');
  const report = await krakow.post<{ id: string }>(`/editions/${editionId}/reports`, { cityId: cities['Kraków'] });
  for (const [title, category] of [
    ['Krakowski program otwartości', categories[0].id],
    ['Punkt konsultacyjny dla cudzoziemców w Krakowie', categories[4].id],
  ]) {
    await krakow.post(`/reports/${report.id}/practices`, { title, description: `${title}: opis praktyki na potrzeby testu.`, recipientUnits: ['Urząd Miasta Krakowa'], categoryIds: [category] });
  }
  await krakow.post(`/reports/${report.id}/submit`);
  return { editionId, cities, categories };
}
