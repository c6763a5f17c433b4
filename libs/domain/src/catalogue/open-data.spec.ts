import { atomFeed, BOM, catalogueCsv, OpenDataPractice, xmlText } from './open-data';

const practice = (over: Partial<OpenDataPractice> = {}): OpenDataPractice => ({
  id: 'p1', title: 'Punkt', description: 'Opis', city: { id: 'c1', name: 'Łódź' }, recipientUnits: ['Biuro A', 'Biuro B'],
  categories: [{ id: 'k1', name: 'Kategoria, pierwsza' }], year: 2015, editionName: 'Miasta Otwarte 2015',
  distinctions: [{ id: 'a1', recipientUnit: null, citation: null }], followUps: [{ year: 2016, status: 'continued' }],
  links: { practice: 'https://x/catalogue/p1', edition: 'https://x/editions/2015' }, ...over,
});

describe('catalogueCsv', () => {
  it('starts with a BOM and a header, quotes per RFC 4180 and names the licence on every line', () => {
    const csv = catalogueCsv([practice(), practice({ id: 'p2', title: 'Z "cudzysłowem"\nи кирилицею' })], { name: 'CC0 1.0', url: 'https://cc/zero' });
    expect(csv.startsWith(`${BOM}practice_id,title,`)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('p1,Punkt,Łódź,Biuro A; Biuro B,"Kategoria, pierwsza",2015,Miasta Otwarte 2015,Łódź,1,2016: continued,https://x/catalogue/p1,https://x/editions/2015,CC0 1.0 (https://cc/zero)');
    expect(csv).toContain('p2,"Z ""cudzysłowem""\nи кирилицею",');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('atomFeed', () => {
  it('escapes text, drops what XML cannot carry, orders entries newest first', () => {
    expect(xmlText('a<b>&"c"\'\u0001\uD800')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;');
    const feed = atomFeed({
      publicUrl: 'https://x',
      licence: { name: 'CC BY 4.0', url: 'https://cc/by' },
      editions: [{ year: 2015, name: 'Miasta Otwarte 2015', publishedAt: new Date('2015-05-14T12:00:00Z'), awardCount: 1, ceremony: null }],
      awards: [{ id: 'a1', year: 2015, editionName: 'Miasta Otwarte 2015', city: 'Lublin', recipientUnit: 'MOPR', categories: ['Pomoc'], practices: ['P'], citation: 'Za <pomoc>', publishedAt: new Date('2015-05-14T12:00:00Z'), updatedAt: new Date('2015-06-01T00:00:00Z') }],
    });
    expect(feed).toContain('<rights>CC BY 4.0 (https://cc/by)</rights>');
    expect(feed).toContain('<updated>2015-06-01T00:00:00.000Z</updated>\n  <author>');
    expect(feed.indexOf('urn:uuid:a1')).toBeLessThan(feed.indexOf('<id>https://x/editions/2015</id>'));
    expect(feed).toContain('Za &lt;pomoc&gt;');
    expect(atomFeed({ publicUrl: 'https://x', licence: { name: 'L', url: 'https://l' }, editions: [], awards: [] })).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
  });
});
