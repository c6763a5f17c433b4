// The built worker composes mail on a worker thread (compose-threads.ts): the messages it hands
// back are the ones nodemailer's composer builds on the main thread, byte for byte but for the
// per-message Date and MIME boundary, and a composing error fails the attempt as before.
import { existsSync } from 'node:fs';
import type { Composer } from '@app/domain/notifications/mail/compose-threads';
import type { ComposeInput } from '@app/domain/notifications/mail/mime';
import { dist } from './built-processes';

const BUILT = dist('libs/domain/src/notifications/mail/compose-threads.js');

function input(i: number): ComposeInput {
  return {
    messageId: `0b9e3c1e-4a51-4d0c-8f0e-${String(i).padStart(12, '0')}`,
    from: 'Miasta Otwarte <powiadomienia@miasta.example.org>',
    to: { name: `Jurorka ${i} Żółć`, address: `juror-${i}@example.org` },
    subject: `Miasta Otwarte 2026: ocenianie otwarte (${i})`,
    text: `Dzień dobry Jurorka ${i},\n\nPraktyki czekają na Pańskie oceny.\n${'Długi wiersz. '.repeat(i % 12)}\n`,
    html: `<p>Dzień dobry Jurorka ${i},</p>\n<p><a href="https://miasta.example.org/juror/editions/e">Zacznij</a></p>`,
    locale: 'pl',
    headers: { 'X-Open-Cities-Delivery': `d-${i}`, 'X-Open-Cities-Notification': 'scoringOpen', 'X-Open-Cities-Event': 'k' },
    calendar: i % 5 === 0 ? { filename: 'ceremony.ics', content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' } : undefined,
  };
}

/** The message without what differs on every composition: its Date header and MIME boundaries. */
function normalised(raw: Buffer): string {
  const text = raw.toString('latin1');
  const boundaries = [...text.matchAll(/boundary="([^"]+)"/g)].map((m) => m[1]);
  let result = text.replace(/^Date: .*$/m, 'Date: (date)');
  boundaries.forEach((boundary, i) => (result = result.split(boundary).join(`(boundary ${i})`)));
  return result;
}

describe('composing mail on a worker thread (built code)', () => {
  let composer: Composer;
  let composeMail: (input: ComposeInput) => Promise<Buffer>;

  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('dist/ is missing: npm test builds it first (pretest)');
    composer = (require(BUILT) as typeof import('@app/domain/notifications/mail/compose-threads')).createComposer(16);
    composeMail = (require(dist('libs/domain/src/notifications/mail/mime.js')) as typeof import('@app/domain/notifications/mail/mime')).composeMail;
  });
  afterAll(() => composer.close());

  it('hands back the messages nodemailer composes on the main thread', async () => {
    expect(composer.where).toBe('thread');
    const inputs = Array.from({ length: 40 }, (_, i) => input(i));
    const onThread = await Promise.all(inputs.map((one) => composer.compose(one)));
    for (const [i, one] of inputs.entries()) {
      expect(Buffer.isBuffer(onThread[i])).toBe(true);
      expect(normalised(onThread[i])).toBe(normalised(await composeMail(one)));
      expect(onThread[i].toString('latin1')).toContain(`X-Open-Cities-Delivery: d-${i}\r\n`);
    }
    expect(onThread[0].toString('latin1')).toContain('Message-ID: <0b9e3c1e-4a51-4d0c-8f0e-000000000000@miasta.example.org>');
  });

  it('rejects a message the composer refuses, and goes on composing the next', async () => {
    await expect(composer.compose({ ...input(1), from: '' })).rejects.toThrow(/MAIL_FROM has no address/);
    expect(normalised(await composer.compose(input(2)))).toBe(normalised(await composeMail(input(2))));
  });
});
