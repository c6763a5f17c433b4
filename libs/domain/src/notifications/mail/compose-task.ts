// The task a compose thread runs (compose-threads.ts): one message, composed by nodemailer's
// MailComposer as on the main thread, handed back in a buffer of its own (moved, not copied).
import { move } from 'piscina';
import { ComposeInput, composeMail } from './mime';

export default async function composeTask(input: ComposeInput): Promise<Uint8Array> {
  const raw = await composeMail(input);
  // nodemailer's buffer may be a slice of Node's shared pool: copy it into one that can be moved.
  return move(new Uint8Array(raw)) as Uint8Array;
}
