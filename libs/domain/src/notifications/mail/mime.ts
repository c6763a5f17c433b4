// Builds the MIME message with nodemailer's composer: text and HTML alternatives, UTF-8 headers,
// an optional calendar invitation, and a Message-ID derived from the delivery id.
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface ComposeInput {
  deliveryId: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  locale: string;
  headers: Record<string, string>;
  calendar?: { filename: string; content: string };
}

/** The bare address of "Name <address>" (the SMTP envelope sender). */
export function envelopeAddress(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  if (!first?.address) throw new Error(`MAIL_FROM has no address: ${from}`);
  return first.address;
}

export function composeMail(input: ComposeInput): Promise<Buffer> {
  const domain = envelopeAddress(input.from).split('@')[1] ?? 'open-cities.local';
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    subject: input.subject,
    text: input.text,
    html: input.html,
    // Stable per delivery: a receiver that deduplicates by Message-ID drops a resend.
    messageId: `<${input.deliveryId}@${domain}>`,
    headers: { ...input.headers, 'Content-Language': input.locale, 'Auto-Submitted': 'auto-generated' },
    icalEvent: input.calendar ? { filename: input.calendar.filename, method: 'PUBLISH', content: input.calendar.content } : undefined,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
