import { ceremonyIcs, escapeIcsText, foldIcsLine } from './ics';

describe('ceremony .ics', () => {
  const ics = ceremonyIcs({
    uid: 'ceremony-1@open-cities',
    startsAt: new Date('2015-05-14T15:30:00+02:00'),
    durationMinutes: 120,
    summary: 'Wręczenie wyróżnień Miasta Otwarte 2015',
    location: 'Synagoga pod Białym Bocianem, Wrocław',
    description: 'IV Międzysektorowe Forum Polityk Migracyjnych; otwarcie',
    organizerEmail: 'no-reply@open-cities.local',
    stampedAt: new Date('2015-05-01T10:00:00Z'),
  });

  it('is a PUBLISH calendar with one event in UTC', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(ics).toContain('\r\nDTSTART:20150514T133000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20150514T153000Z\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20150501T100000Z\r\n');
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes text values and folds long lines without splitting a character', () => {
    expect(escapeIcsText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
    expect(ics).toContain('LOCATION:Synagoga pod Białym Bocianem\\, Wrocław');
    const long = `SUMMARY:${'ż'.repeat(60)}`;
    const folded = foldIcsLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(long);
  });
});
