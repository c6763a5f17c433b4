// One practice of the catalogue (GET /api/public/practices/:id): what it is, who carried it out, its
// distinctions, and how later reports followed it up.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { VersionNote, shownVersion, useOriginalSwitch } from '../../components/content-version';
import { JsonLd } from '../../components/json-ld';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { VersionedText } from '../../components/versioned-text';
import { useFormat } from '../../i18n/format';
import { followUpStatusLabel } from '../../i18n/labels';
import { toLanguage } from '../../i18n/languages';
import { translatedName } from '../../i18n/names';
import { loadCatalogueFacets } from './public-data';
import { practiceJsonLd } from './structured-data';

export function PublicPracticePage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const data = useApiQuery(
    async (signal) => {
      const [practice, facets] = await Promise.all([
        unwrap(client.GET('/api/public/practices/{id}', { params: { path: { id }, query: { lang: toLanguage(i18n.language) ?? undefined } }, signal })),
        loadCatalogueFacets(signal).catch(() => null),
      ]);
      return { practice, facets };
    },
    [id, i18n.language],
  );
  const [showOriginal, toggleOriginal] = useOriginalSwitch(id);
  const title = data.status === 'success' ? shownVersion(data.data.practice, showOriginal).title : t('catalogue.practice');
  return (
    <Page
      title={title}
      before={
        <p className="back-link">
          <Link to="/catalogue">{t('catalogue.title')}</Link>
        </p>
      }
    >
      <Loaded query={data} what={t('catalogue.practice')}>
        {({ practice, facets }) => (
          <>
            <JsonLd data={practiceJsonLd(practice, window.location.origin)} />
            <p className="lead">{t('catalogue.cityYear', { city: practice.city.name, year: practice.year })}</p>
            <VersionNote item={practice} showOriginal={showOriginal} onToggle={toggleOriginal} />
            <p className="pre-line" lang={shownVersion(practice, showOriginal).language} data-testid="practice-description">
              {shownVersion(practice, showOriginal).description}
            </p>
            <dl className="facts">
              {practice.recipientUnits.length > 0 && (
                <>
                  <dt>{t('catalogue.recipientUnits')}</dt>
                  <dd>{practice.recipientUnits.join('; ')}</dd>
                </>
              )}
              {practice.categories.length > 0 && (
                <>
                  <dt>{t('catalogue.categories')}</dt>
                  <dd>{practice.categories.map((category) => translatedName(facets?.categories.get(category.name) ?? category, i18n.language)).join('; ')}</dd>
                </>
              )}
              {practice.startedOn && (
                <>
                  <dt>{t('practice.fields.startedOn')}</dt>
                  <dd>{format.date(practice.startedOn)}</dd>
                </>
              )}
              {practice.links.length > 0 && (
                <>
                  <dt>{t('practice.fields.links')}</dt>
                  <dd>
                    <ul className="plain-list plain-list--tight">
                      {practice.links.map((link) => (
                        <li key={link} className="break">
                          <a href={link} rel="noopener noreferrer">
                            {link}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
            </dl>
            <section className="section" aria-labelledby="practice-awards-title">
              <h2 id="practice-awards-title">{t('catalogue.distinctions', { year: practice.year })}</h2>
              <ul className="plain-list">
                {practice.awards.map((award) => (
                  <li key={award.id} className="card card--distinction">
                    <p className="card__title">{award.recipientUnit ?? t('awards.cityGovernment', { city: practice.city.name })}</p>
                    {award.citation && (
                      <VersionedText
                        id={award.id}
                        text={award.citation}
                        version={award.citationVersion}
                        render={(text, language) => (
                          <blockquote className="citation" lang={language}>
                            {text}
                          </blockquote>
                        )}
                      />
                    )}
                  </li>
                ))}
              </ul>
              <p>
                <Link to={`/editions/${practice.year}`}>{t('catalogue.allAwardsOf', { year: practice.year })}</Link>
              </p>
            </section>
            {practice.followUps.length > 0 && (
              <section className="section" aria-labelledby="practice-follow-ups-title">
                <h2 id="practice-follow-ups-title">{t('catalogue.followUps')}</h2>
                <ul className="plain-list">
                  {practice.followUps.map((followUp) => (
                    <li key={`${followUp.year}-${followUp.awardId}`} className="card">
                      <p className="card__title">{t('catalogue.followUpOf', { year: followUp.year, status: followUpStatusLabel(t, followUp.status) })}</p>
                      <VersionedText
                        id={followUp.id ?? `${followUp.year}-${followUp.awardId}`}
                        text={followUp.assessment}
                        version={followUp.assessmentVersion}
                        render={(text, language) => (
                          <p className="pre-line" lang={language}>
                            {text}
                          </p>
                        )}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
