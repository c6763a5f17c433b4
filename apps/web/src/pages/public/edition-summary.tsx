// One published edition in a list: its year and name, the ceremony, a link to its awards.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicEdition } from '../../api/types';
import { useFormat } from '../../i18n/format';

export function CeremonyLine({ ceremony }: { ceremony: NonNullable<PublicEdition['ceremony']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <p className="meta">
      {t('editions.ceremony', { when: format.dateTime(ceremony.startsAt), venue: ceremony.venue, city: ceremony.city })}
    </p>
  );
}

export function EditionSummary({ edition, level = 2 }: { edition: PublicEdition; level?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className="card">
      <Heading className="card__title">
        <Link to={`/editions/${edition.year}`}>{t('editions.itemTitle', { year: edition.year, name: edition.name })}</Link>
      </Heading>
      {edition.ceremony && <CeremonyLine ceremony={edition.ceremony} />}
    </article>
  );
}
