// The distinctions of one published edition (GET /api/public/editions/:year/awards), by city, with
// the ceremony. One distinction goes to a city, often to a named unit of it, for one or more practices.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { PublicAward } from '../../api/types';
import { CertificateLinks } from '../../components/certificate-links';
import { VersionedText } from '../../components/versioned-text';
import { JsonLd } from '../../components/json-ld';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { NotFoundPage } from '../not-found-page';
import { toLanguage } from '../../i18n/languages';
import { translatedName } from '../../i18n/names';
import { CeremonyLine } from './edition-summary';
import { awardsJsonLd } from './structured-data';

function byCity(awards: PublicAward[], locale: string): [string, PublicAward[]][] {
  const groups = new Map<string, PublicAward[]>();
  for (const award of awards) {
    const list = groups.get(award.city.name) ?? [];
    list.push(award);
    groups.set(award.city.name, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, locale));
}

function Award({ award }: { award: PublicAward }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="card award">
      <h3 className="card__title">{award.recipientUnit ?? t('awards.cityGovernment', { city: award.city.name })}</h3>
      {award.categories.length > 0 && (
        <>
          <h4 className="label">{t('awards.categories')}</h4>
          <ul className="tags">
            {award.categories.map((category) => (
              <li key={category.id} className="tag">
                {translatedName(category, i18n.language)}
              </li>
            ))}
          </ul>
        </>
      )}
      {award.practices.length > 0 && (
        <>
          <h4 className="label">{t('awards.practices')}</h4>
          <ul>
            {award.practices.map((practice) => (
              <li key={practice.id}>
                <Link to={`/catalogue/${practice.id}`}>{practice.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {award.citation && (
        <VersionedText
          id={award.id}
          text={award.citation}
          version={award.citationVersion}
          render={(text, language) => (
            <blockquote className="citation" lang={language} data-testid="award-citation">
              {text}
            </blockquote>
          )}
        />
      )}
      {award.receivedBy && <p className="meta">{t('awards.receivedBy', { who: award.receivedBy })}</p>}
      <CertificateLinks certificates={award.certificates} />
    </article>
  );
}

export function EditionAwardsPage() {
  const { t, i18n } = useTranslation();
  const year = Number(useParams().year);
  const valid = Number.isInteger(year) && year > 2000 && year < 3000;
  const data = useApiQuery(
    (signal) =>
      valid
        ? unwrap(client.GET('/api/public/editions/{year}/awards', { params: { path: { year }, query: { lang: toLanguage(i18n.language) ?? undefined } }, signal }))
        : Promise.reject(new ApiError(404, null)),
    [year, i18n.language],
  );
  if (!valid) return <NotFoundPage />;
  return (
    <Page
      title={t('awards.title', { year })}
      before={
        <p className="back-link">
          <Link to="/editions">{t('awards.allEditions')}</Link>
        </p>
      }
    >
      <Loaded query={data} what={t('awards.what')}>
        {({ edition, awards }) => (
          <>
            {edition && <JsonLd data={awardsJsonLd(edition, awards, window.location.origin)} />}
            {edition && (
              <section className="panel" aria-labelledby="ceremony-title">
                <h2 id="ceremony-title">{edition.name}</h2>
                {edition.ceremony ? <CeremonyLine ceremony={edition.ceremony} /> : !edition.occasion && <p>{t('awards.noCeremony')}</p>}
                {edition.occasion && (
                  <p>
                    {t('awards.occasion', {
                      name: edition.occasion.name,
                      details: [edition.occasion.city, edition.occasion.period].filter(Boolean).join(', '),
                    })}
                  </p>
                )}
                {edition.organisers && <p>{t('awards.organisers', { organisers: edition.organisers })}</p>}
              </section>
            )}
            <p>{t('awards.count', { count: awards.length })}</p>
            {byCity(awards, i18n.language).map(([city, list]) => (
              <section key={city} className="section" aria-labelledby={`city-${list[0].city.id}`}>
                <h2 id={`city-${list[0].city.id}`}>{city}</h2>
                <ul className="plain-list">
                  {list.map((award) => (
                    <li key={award.id}>
                      <Award award={award} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </Loaded>
    </Page>
  );
}
