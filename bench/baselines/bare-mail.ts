// The physical limit of P5: the same mails handed to the same SMTP sink with nothing around them.
// `SMTP_URL=… node dist/bench/baselines/bare-mail.js`, driven by lines on stdin:
//   `prepare <n> <form>`  renders n messages as the app does (template scoringOpen in pl/en/uk, a
//                  delivery header per message), not timed; answers `ready`. `form` is
//                  `rendered`: the rendered mails (subject, text, HTML, headers, Message-ID), which
//                      nodemailer's transport composes into MIME as it sends them, as a bare
//                      nodemailer sender does (the "pre-rendered messages"; the verdict), or
//                  `composed`: the MIME already built by nodemailer's composer, handed over raw
//                      (a stricter limit: composing is then outside the clock; information).
//   `go`           sends them all through nodemailer's pooled SMTP transport with the app's options
//                  (smtpPoolOptions: the same number of connections), all handed to the pool at
//                  once; answers `done <ms> <failed>`.
// No queue, no database: the harness times from `go` to the n-th message at the sink.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createTransport } from 'nodemailer';
import { composeMail, composerOptions, ComposeInput, renderMail, smtpPoolOptions } from '@app/domain';

const FROM = 'Open Cities <no-reply@open-cities.local>';
const LOCALES = ['pl', 'en', 'uk'];

type Prepared = { to: string; raw: Buffer } | { to: string; mail: ReturnType<typeof composerOptions> };

async function prepare(n: number, form: string): Promise<Prepared[]> {
  if (form !== 'rendered' && form !== 'composed') throw new Error(`prepare: unknown form "${form}"`);
  const edition = {
    id: randomUUID(),
    name: 'Miasta Otwarte 2099',
    year: 2099,
    reportsDueAt: null,
    scoringDueAt: new Date('2099-06-30T21:59:00Z'),
    ceremony: null,
  };
  const messages: Prepared[] = [];
  for (let i = 1; i <= n; i++) {
    const deliveryId = randomUUID();
    const email = `juror-${String(i).padStart(6, '0')}@p5.bench.example.org`;
    const mail = renderMail('scoringOpen', LOCALES[i % 3], {
      recipient: { name: `Jurorka ${i}`, email },
      edition,
      report: null,
      practice: null,
      dueAt: null,
      actionUrl: `https://miasta.example.org/editions/${edition.id}`,
    });
    const input: ComposeInput = {
      messageId: randomUUID(),
      from: FROM,
      to: { name: `Jurorka ${i}`, address: email },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      locale: mail.locale,
      headers: { 'X-Open-Cities-Delivery': deliveryId, 'X-Open-Cities-Notification': 'scoringOpen', 'X-Open-Cities-Event': `${edition.id}:scoringOpen` },
    };
    messages.push(form === 'composed' ? { to: email, raw: await composeMail(input) } : { to: email, mail: composerOptions(input) });
  }
  return messages;
}

async function main(): Promise<void> {
  const transporter = createTransport(smtpPoolOptions(process.env.SMTP_URL ?? ''));
  let messages: Prepared[] = [];
  const say = (line: string) => process.stdout.write(`${line}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, arg, form] = line.trim().split(/\s+/);
    if (command === 'prepare') {
      messages = await prepare(Number(arg), form);
      say('ready');
    } else if (command === 'go') {
      const began = performance.now();
      const results = await Promise.allSettled(
        messages.map((message) =>
          transporter.sendMail({ envelope: { from: 'no-reply@open-cities.local', to: [message.to] }, ...('raw' in message ? { raw: message.raw } : message.mail) }),
        ),
      );
      say(`done ${(performance.now() - began).toFixed(1)} ${results.filter((r) => r.status === 'rejected').length}`);
    } else if (command === 'quit') {
      break;
    }
  }
  transporter.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`bare-mail failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
