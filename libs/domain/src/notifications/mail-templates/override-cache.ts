// The senders' copy of each edition's template overrides. A fan-out of 10,000 mails renders them
// in batches of 25: the overrides are read once per edition and change, not per mail. A mail's
// edition row (read by the batch's claim, no statement of its own) carries the edition's counter of
// template changes; the copy is reloaded only when that counter moved past it.
import { Injectable } from '@nestjs/common';
import { TemplateOverride } from '../templates/editable';
import { Locale } from '../templates/facts';
import { MailTemplatesRepository } from './mail-templates.repository';

interface Entry {
  revision: number;
  overrides: Promise<Map<string, TemplateOverride>>;
}

/** Editions whose overrides are kept; a sender rarely serves more than a few at once. */
const MAX_EDITIONS = 64;

@Injectable()
export class OverrideCache {
  private readonly byEdition = new Map<string, Entry>();

  constructor(private readonly repository: MailTemplatesRepository) {}

  /** The override of `template` in `locale` for the edition as of `revision` (or later), if any. */
  async find(editionId: string, revision: number, template: string, locale: Locale): Promise<TemplateOverride | null> {
    let entry = this.byEdition.get(editionId);
    if (!entry || entry.revision < revision) {
      const loading: Entry = { revision, overrides: this.load(editionId) };
      entry = loading;
      if (this.byEdition.size >= MAX_EDITIONS) this.byEdition.clear();
      this.byEdition.set(editionId, loading);
      // A failed read is not kept: the next mail reads again.
      loading.overrides.catch(() => {
        if (this.byEdition.get(editionId) === loading) this.byEdition.delete(editionId);
      });
    }
    return (await entry.overrides).get(`${template}\u0000${locale}`) ?? null;
  }

  private async load(editionId: string): Promise<Map<string, TemplateOverride>> {
    const rows = await this.repository.overridesOf(editionId);
    return new Map(rows.map((row) => [`${row.template}\u0000${row.locale}`, { subject: row.subject, body: row.body }]));
  }
}
