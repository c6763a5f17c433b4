// A schema.org description of the page as <script type="application/ld+json">: a data block, never
// run (so the CSP's script-src does not apply), its JSON escaped by jsonLdText.
import { jsonLdText } from '../pages/public/structured-data';

export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
