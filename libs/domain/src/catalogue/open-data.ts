// The open-data formats of the public catalogue, pure: the CSV (RFC 4180, UTF-8 with a BOM so
// spreadsheets read Polish and Cyrillic letters) and the Atom feed (RFC 4287) of published editions
// and awards. OpenDataService reads the rows and hands them here.
import { csvField } from '../jury/csv';
import type { FollowUpStatus } from '../reports/report.entity';

export interface Licence {
  name: string;
  url: string;
}

/** One published practice as the downloads carry it. */
export interface OpenDataPractice {
  id: string;
  title: string;
  description: string;
  city: { id: string; name: string };
  recipientUnits: string[];
  categories: { id: string; name: string }[];
  year: number;
  editionName: string;
  distinctions: { id: string; recipientUnit: string | null; citation: string | null }[];
  followUps: { year: number; status: FollowUpStatus }[];
  links: { practice: string; edition: string };
}

export const CATALOGUE_CSV_COLUMNS = [
  'practice_id', 'title', 'city', 'recipient_units', 'categories', 'edition_year', 'edition_name',
  'distinctions', 'distinction_count', 'follow_up', 'practice_url', 'edition_url', 'licence',
] as const;

/** A UTF-8 byte order mark: Excel reads the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

/** The whole CSV: BOM, header, one CRLF-ended line per practice; every line names the licence. */
export function catalogueCsv(practices: readonly OpenDataPractice[], licence: Licence): string {
  const licenceText = `${licence.name} (${licence.url})`;
  let text = `${BOM}${CATALOGUE_CSV_COLUMNS.join(',')}\r\n`;
  for (const practice of practices) {
    const fields = [
      practice.id,
      practice.title,
      practice.city.name,
      practice.recipientUnits.join('; '),
      practice.categories.map((category) => category.name).join('; '),
      practice.year,
      practice.editionName,
      practice.distinctions.map((award) => award.recipientUnit ?? practice.city.name).join('; '),
      practice.distinctions.length,
      practice.followUps.map((followUp) => `${followUp.year}: ${followUp.status}`).join('; '),
      practice.links.practice,
      practice.links.edition,
      licenceText,
    ];
    text += `${fields.map(csvField).join(',')}\r\n`;
  }
  return text;
}

// ---- Atom -----------------------------------------------------------------------------------

export interface FeedEdition {
  year: number;
  name: string;
  publishedAt: Date;
  awardCount: number;
  ceremony: { startsAt: Date | null; venue: string | null; city: string | null } | null;
}

export interface FeedAward {
  id: string;
  year: number;
  editionName: string;
  city: string;
  recipientUnit: string | null;
  categories: string[];
  practices: string[];
  citation: string | null;
  publishedAt: Date;
  updatedAt: Date;
}

export interface FeedInput {
  publicUrl: string;
  licence: Licence;
  editions: readonly FeedEdition[];
  awards: readonly FeedAward[];
}

/** XML 1.0 cannot carry control characters (other than tab, LF, CR), lone surrogates or U+FFFE/F. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

function editionEntry(input: FeedInput, edition: FeedEdition): string {
  const url = `${input.publicUrl}/editions/${edition.year}`;
  const ceremony = edition.ceremony
    ? [edition.ceremony.startsAt?.toISOString(), edition.ceremony.venue, edition.ceremony.city].filter(Boolean).join(', ')
    : '';
  const summary = `${edition.name}: ${edition.awardCount} distinction(s).${ceremony ? ` Ceremony: ${ceremony}.` : ''}`;
  return `  <entry>
    <id>${xmlText(url)}</id>
    <title>${xmlText(edition.name)}</title>
    <published>${edition.publishedAt.toISOString()}</published>
    <updated>${edition.publishedAt.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>
    <category term="edition"/>
    <summary>${xmlText(summary)}</summary>
  </entry>
`;
}

function awardEntry(input: FeedInput, award: FeedAward): string {
  const url = `${input.publicUrl}/editions/${award.year}`;
  const who = award.recipientUnit ? `${award.city}: ${award.recipientUnit}` : award.city;
  const lines = [
    award.categories.length ? `Categories: ${award.categories.join('; ')}.` : '',
    award.practices.length ? `Practices: ${award.practices.join('; ')}.` : '',
    award.citation ?? '',
  ].filter(Boolean);
  return `  <entry>
    <id>urn:uuid:${award.id}</id>
    <title>${xmlText(`${award.editionName}: ${who}`)}</title>
    <published>${award.publishedAt.toISOString()}</published>
    <updated>${later(award.updatedAt, award.publishedAt).toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>
    <category term="award"/>
    <summary>${xmlText(lines.join(' ') || who)}</summary>
  </entry>
`;
}

/** The feed: newest first; its `updated` is the latest entry's (or the epoch when there is none). */
export function atomFeed(input: FeedInput): string {
  const entries = [
    ...input.editions.map((edition) => ({ at: edition.publishedAt, xml: editionEntry(input, edition) })),
    ...input.awards.map((award) => ({ at: later(award.updatedAt, award.publishedAt), xml: awardEntry(input, award) })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const updated = entries.length ? entries[0].at : new Date(0);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pl">
  <id>${xmlText(`${input.publicUrl}/editions`)}</id>
  <title>Miasta Otwarte / Open Cities: editions and awards</title>
  <updated>${updated.toISOString()}</updated>
  <author><name>Miasta Otwarte</name><uri>${xmlText(input.publicUrl)}</uri></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(`${input.publicUrl}/api/public/feed.atom`)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${input.publicUrl}/editions`)}"/>
  <link rel="license" href="${xmlText(input.licence.url)}"/>
  <rights>${xmlText(`${input.licence.name} (${input.licence.url})`)}</rights>
${entries.map((entry) => entry.xml).join('')}</feed>
`;
}
