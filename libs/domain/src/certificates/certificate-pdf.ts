// The certificate of distinction as a one-page PDF in pl, en or uk: the award and its year, the
// city, the recipient unit, the categories, the citation, the ceremony (in Warsaw time) and a
// verification line with the short URL and its QR code. Names the sources give in Polish stay Polish.
import { createHash } from 'node:crypto';
import { drawQrCode, newPdf, pdfBytes } from '../documents/pdf';
import type { CertificateLanguage } from './certificate.entity';

export interface CertificateFacts {
  year: number;
  editionName: string;
  cityName: string;
  recipientUnit: string | null;
  /** Polish names with their translations per locale. */
  categories: { name: string; translations: Record<string, string> }[];
  citation: string | null;
  ceremony: { startsAt: string | null; venue: string | null; city: string | null };
}

/** Raised when the layout or wording changes, so certificates in force are issued anew. */
const TEMPLATE_VERSION = 1;

const TEXTS: Record<CertificateLanguage, {
  locale: string;
  heading: string;
  award: (year: number) => string;
  city: string;
  unit: string;
  categories: string;
  citation: string;
  ceremony: (date: string, time: string, venue: string, city: string) => string;
  /** Where, when the sources give no date (the 2014 ceremony: Warszawa). */
  ceremonyPlace: (place: string) => string;
  noCeremony: string;
  verify: string;
  code: string;
}> = {
  pl: {
    locale: 'pl-PL',
    heading: 'Wyróżnienie',
    award: (year) => `w konkursie „Miasta Otwarte” ${year}`,
    city: 'Miasto',
    unit: 'Jednostka wyróżniona',
    categories: 'Kategorie',
    citation: 'Uzasadnienie',
    ceremony: (date, time, venue, city) => `Wręczenie wyróżnień: ${date}, godz. ${time}, ${venue}, ${city}`,
    ceremonyPlace: (place) => `Wręczenie wyróżnień: ${place}`,
    noCeremony: 'Termin wręczenia wyróżnień zostanie ogłoszony.',
    verify: 'Autentyczność zaświadczenia sprawdzisz pod adresem',
    code: 'Kod',
  },
  en: {
    locale: 'en-GB',
    heading: 'Certificate of Distinction',
    award: (year) => `Open Cities (Miasta Otwarte) awards ${year}`,
    city: 'City',
    unit: 'Recipient unit',
    categories: 'Categories',
    citation: 'Citation',
    ceremony: (date, time, venue, city) => `Award ceremony: ${date}, ${time} (Warsaw time), ${venue}, ${city}`,
    ceremonyPlace: (place) => `Award ceremony: ${place}`,
    noCeremony: 'The date of the award ceremony will be announced.',
    verify: 'Verify this certificate at',
    code: 'Code',
  },
  uk: {
    locale: 'uk-UA',
    heading: 'Відзнака',
    award: (year) => `конкурсу «Відкриті міста» (Miasta Otwarte) ${year}`,
    city: 'Місто',
    unit: 'Відзначений підрозділ',
    categories: 'Категорії',
    citation: 'Обґрунтування',
    ceremony: (date, time, venue, city) => `Церемонія нагородження: ${date}, о ${time} (за варшавським часом), ${venue}, ${city}`,
    ceremonyPlace: (place) => `Церемонія нагородження: ${place}`,
    noCeremony: 'Дату церемонії нагородження буде оголошено.',
    verify: 'Перевірити справжність відзнаки можна за адресою',
    code: 'Код',
  },
};

/** The ceremony line in the language, with the date and time as they are in Warsaw. */
export function ceremonyLine(facts: CertificateFacts, language: CertificateLanguage): string {
  const texts = TEXTS[language];
  const { startsAt, venue, city } = facts.ceremony;
  if (!startsAt) return venue || city ? texts.ceremonyPlace([venue, city].filter(Boolean).join(', ')) : texts.noCeremony;
  const at = new Date(startsAt);
  const date = new Intl.DateTimeFormat(texts.locale, { timeZone: 'Europe/Warsaw', day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return texts.ceremony(date, time, venue ?? '', city ?? '').replace(/(, )+$/, '');
}

/** What a certificate in the language says, as a hash: the same facts never issue a new code. */
export function certificateFingerprint(facts: CertificateFacts, language: CertificateLanguage): string {
  return createHash('sha256').update(JSON.stringify({ v: TEMPLATE_VERSION, language, facts })).digest('hex');
}

export function categoryName(category: CertificateFacts['categories'][number], language: CertificateLanguage): string {
  return language === 'pl' ? category.name : category.translations[language] || category.name;
}

export async function renderCertificate(facts: CertificateFacts, language: CertificateLanguage, code: string, verifyUrl: string): Promise<Buffer> {
  const texts = TEXTS[language];
  const doc = newPdf({ title: `${texts.heading} — ${facts.editionName} — ${facts.cityName}`, landscape: true, margin: 56 });
  const width = doc.page.width - 112;
  doc.lineWidth(3).rect(28, 28, doc.page.width - 56, doc.page.height - 56).stroke('#1f4e79');
  doc.lineWidth(1).rect(36, 36, doc.page.width - 72, doc.page.height - 72).stroke('#1f4e79');

  doc.moveDown(1.5).font('serifBold').fontSize(34).fillColor('#1f4e79').text(texts.heading, { align: 'center', width });
  doc.font('serif').fontSize(16).fillColor('#000000').text(texts.award(facts.year), { align: 'center', width });
  doc.fontSize(11).fillColor('#444444').text(facts.editionName, { align: 'center', width });
  doc.moveDown(1.2).font('bold').fontSize(26).fillColor('#000000').text(facts.cityName, { align: 'center', width });
  if (facts.recipientUnit) doc.font('regular').fontSize(15).text(facts.recipientUnit, { align: 'center', width });
  doc.moveDown(0.6).font('bold').fontSize(11).text(`${texts.categories}:`, { align: 'center', width });
  doc.font('regular').fontSize(11).text(facts.categories.map((category) => categoryName(category, language)).join(' · '), { align: 'center', width });
  if (facts.citation) {
    doc.moveDown(0.5).font('bold').fontSize(11).text(`${texts.citation}:`, { align: 'center', width });
    doc.font('serif').fontSize(11).text(facts.citation, { align: 'center', width, height: 90, ellipsis: true });
  }
  doc.moveDown(1.2).font('regular').fontSize(12).text(ceremonyLine(facts, language), { align: 'center', width });

  // The verification block sits at the bottom: QR code on the left, the URL and code beside it.
  const qrSize = 92;
  const bottom = doc.page.height - 56 - qrSize;
  drawQrCode(doc, verifyUrl, 64, bottom, qrSize);
  doc.font('regular').fontSize(10).fillColor('#000000').text(texts.verify, 64 + qrSize + 16, bottom + 24, { width: width - qrSize - 24 });
  doc.font('bold').fontSize(11).text(verifyUrl, { width: width - qrSize - 24 });
  doc.font('regular').fontSize(10).text(`${texts.code}: ${code}`, { width: width - qrSize - 24 });
  return pdfBytes(doc);
}
