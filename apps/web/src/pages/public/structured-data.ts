// schema.org descriptions (JSON-LD) of the public practice and award pages, so search engines and
// citation tools read what the page shows: a practice as a CreativeWork of a city government with
// its awards, an edition's distinctions as an ItemList with the ceremony as an Event. Pure.
import type { PublicAward, PublicEdition } from '../../api/types';
import type { components } from '../../api/schema';

type PracticeDetail = components['schemas']['PublicPracticeDetail'];
type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';
const AWARD_NAME = 'Miasta Otwarte';

function cityGovernment(city: string, unit?: string | null): JsonLd {
  return {
    '@type': 'GovernmentOrganization',
    name: unit ?? city,
    address: { '@type': 'PostalAddress', addressLocality: city, addressCountry: 'PL' },
  };
}

/** The practice page: the practice, who carried it out, in which city, and its distinctions. */
export function practiceJsonLd(practice: PracticeDetail, origin: string): JsonLd {
  const url = `${origin}/catalogue/${practice.id}`;
  return {
    '@context': CONTEXT,
    '@type': 'CreativeWork',
    '@id': url,
    url,
    name: practice.title,
    description: practice.description,
    inLanguage: 'pl',
    ...(practice.startedOn ? { dateCreated: practice.startedOn } : {}),
    spatialCoverage: { '@type': 'City', name: practice.city.name },
    creator: (practice.recipientUnits.length > 0 ? practice.recipientUnits : [null]).map((unit) => cityGovernment(practice.city.name, unit)),
    keywords: practice.categories.map((category) => category.name),
    award: practice.awards.map((award) => `${AWARD_NAME} ${practice.year}${award.recipientUnit ? `: ${award.recipientUnit}` : ''}`),
    isPartOf: { '@type': 'CreativeWorkSeries', name: practice.editionName, url: `${origin}/editions/${practice.year}` },
    ...(practice.links.length > 0 ? { sameAs: practice.links } : {}),
  };
}

/** The awards page: the edition's distinctions in order, and the ceremony where they were given. */
export function awardsJsonLd(edition: PublicEdition, awards: PublicAward[], origin: string): JsonLd {
  const url = `${origin}/editions/${edition.year}`;
  const ceremony = edition.ceremony;
  return {
    '@context': CONTEXT,
    '@graph': [
      {
        '@type': 'ItemList',
        '@id': `${url}#awards`,
        url,
        name: edition.name,
        numberOfItems: awards.length,
        itemListElement: awards.map((award, index) => ({
          '@type': 'ListItem',
          position: index + 1,
          item: {
            ...cityGovernment(award.city.name, award.recipientUnit),
            award: [`${AWARD_NAME} ${edition.year}`, ...award.categories.map((category) => category.name)].join(': '),
            ...(award.citation ? { description: award.citation } : {}),
            subjectOf: award.practices.map((practice) => ({ '@type': 'CreativeWork', name: practice.title, url: `${origin}/catalogue/${practice.id}` })),
          },
        })),
      },
      ...(ceremony?.startsAt
        ? [
            {
              '@type': 'Event',
              '@id': `${url}#ceremony`,
              name: `${edition.name}: ceremony`,
              startDate: ceremony.startsAt,
              eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
              location: { '@type': 'Place', name: ceremony.venue ?? ceremony.city ?? '', address: { '@type': 'PostalAddress', addressLocality: ceremony.city ?? '', addressCountry: 'PL' } },
            },
          ]
        : []),
    ],
  };
}

/** JSON inside <script>: "<" escaped, so no text can close the element or open a comment. */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
