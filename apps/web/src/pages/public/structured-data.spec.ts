import { describe, expect, it } from '@jest/globals';
import { awardsJsonLd, jsonLdText, practiceJsonLd } from './structured-data';

const origin = 'https://oc.example.org';
const lublin = { id: '11111111-1111-4111-8111-111111111111', name: 'Lublin' };

describe('schema.org JSON-LD of the public pages', () => {
  it('describes a practice: its city, units, categories, awards and edition, and parses back', () => {
    const data = practiceJsonLd(
      {
        id: 'p1', title: 'Miejski punkt obsługi cudzoziemców', description: 'Punkt </script><script>alert(1)</script>', recipientUnits: ['Biuro Obsługi Mieszkańców'],
        city: lublin, year: 2015, editionName: 'Miasta Otwarte 2015', categories: [{ id: 'c1', name: 'Miejski punkt obsługi cudzoziemców' }],
        links: ['https://lublin.eu'], startedOn: null, awards: [{ id: 'a1', recipientUnit: 'Biuro Obsługi Mieszkańców', citation: null }], followUps: [],
      },
      origin,
    );
    const text = jsonLdText(data);
    expect(text).not.toContain('</script>');
    const parsed = JSON.parse(text);
    expect(parsed).toEqual(data);
    expect(parsed).toMatchObject({
      '@context': 'https://schema.org', '@type': 'CreativeWork', url: `${origin}/catalogue/p1`, name: 'Miejski punkt obsługi cudzoziemców',
      description: 'Punkt </script><script>alert(1)</script>',
      spatialCoverage: { '@type': 'City', name: 'Lublin' },
      creator: [{ '@type': 'GovernmentOrganization', name: 'Biuro Obsługi Mieszkańców', address: { addressLocality: 'Lublin' } }],
      award: ['Miasta Otwarte 2015: Biuro Obsługi Mieszkańców'],
      isPartOf: { url: `${origin}/editions/2015` },
      sameAs: ['https://lublin.eu'],
    });
  });

  it('describes an edition’s awards as a list and its ceremony as an event', () => {
    const data = awardsJsonLd(
      { year: 2015, name: 'Miasta Otwarte 2015', publishedAt: null, occasion: null, organisers: null, ceremony: { startsAt: '2015-05-14T13:30:00+00:00', venue: 'Synagoga pod Białym Bocianem', city: 'Wrocław' } },
      [
        { id: 'a1', city: lublin, recipientUnit: null, receivedBy: null, certificates: [], citation: 'Za całokształt', categories: [{ id: 'c1', name: 'Strategia', translations: {} }], practices: [{ id: 'p1', title: 'Strategia' }] },
      ],
      origin,
    );
    const parsed = JSON.parse(jsonLdText(data));
    const [list, event] = parsed['@graph'];
    expect(list).toMatchObject({ '@type': 'ItemList', numberOfItems: 1, url: `${origin}/editions/2015` });
    expect(list.itemListElement[0]).toMatchObject({
      position: 1,
      item: { '@type': 'GovernmentOrganization', name: 'Lublin', award: 'Miasta Otwarte 2015: Strategia', description: 'Za całokształt', subjectOf: [{ url: `${origin}/catalogue/p1` }] },
    });
    expect(event).toMatchObject({ '@type': 'Event', startDate: '2015-05-14T13:30:00+00:00', location: { name: 'Synagoga pod Białym Bocianem', address: { addressLocality: 'Wrocław' } } });
    const noCeremony = awardsJsonLd({ year: 2014, name: 'Miasta Otwarte 2014', publishedAt: null, occasion: null, organisers: null, ceremony: null }, [], origin);
    expect((noCeremony['@graph'] as unknown[]).length).toBe(1);
  });
});
