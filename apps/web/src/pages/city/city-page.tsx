// What a city official follows (GET /api/cities/:id/status): per edition that has started, the report's
// status and each practice with its status and history; once the edition is published, its
// distinctions. Before publication the API shows no scores and no decisions.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CityStatus } from '../../api/types';
import { Badge } from '../../components/badge';
import { CertificateLinks } from '../../components/certificate-links';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { practiceStatusLabel, practiceTone, stageLabel } from '../../i18n/labels';
import { useGrants } from '../dashboards/grants';
import { cardTable } from '../../components/card-table';

type EditionStatus = CityStatus['editions'][number];

export function CityOfficialPage() {
  const { t } = useTranslation();
  const grants = useGrants('cityOfficial').filter((grant) => grant.cityId);
  return (
    <Page title={t('city.title')} lead={t('city.lead')} wide>
      {grants.length === 0 ? <p>{t('city.noCities')}</p> : grants.map((grant) => <CityStatusView key={grant.cityId} cityId={grant.cityId as string} />)}
    </Page>
  );
}

function CityStatusView({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  const status = useApiQuery((signal) => unwrap(client.GET('/api/cities/{id}/status', { params: { path: { id: cityId }, query: {} }, signal })), [cityId]);
  return (
    <Loaded query={status} what={t('city.status')}>
      {(data) => {
        const distinctions = data.editions.reduce((n, edition) => n + edition.awards.length, 0);
        return (
          <>
            <h2 className="city-name">{data.city.name}</h2>
            <p className="meta">{t('city.summary', { editions: data.editions.length, distinctions })}</p>
            {data.editions.length === 0 ? (
              <p>{t('city.noEditions', { city: data.city.name })}</p>
            ) : (
              data.editions.map((edition) => <EditionBlock key={edition.editionId} city={data.city.name} cityId={cityId} edition={edition} />)
            )}
          </>
        );
      }}
    </Loaded>
  );
}

function EditionBlock({ city, cityId, edition }: { city: string; cityId: string; edition: EditionStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `city-${cityId}-${edition.editionId}`;
  const published = edition.stage === 'published';
  return (
    <section className="section city-edition" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('city.statusOf', { city, year: edition.year })}</h3>
      <p className="meta">
        {edition.name} · {t('city.editionStage', { stage: stageLabel(t, edition.stage) })}
      </p>
      <p>
        {edition.report === null
          ? t('city.noReport')
          : edition.report.status === 'submitted'
            ? edition.report.submittedAt
              ? t('city.reportSubmitted', { when: format.dateTime(edition.report.submittedAt) })
              : t('city.reportSubmittedUndated')
            : t('city.reportDraft')}
      </p>

      {published && (
        <div className="distinctions">
          <h4>{t('city.distinctionsTitle', { count: edition.awards.length })}</h4>
          {edition.awards.length === 0 ? (
            <p>{t('city.noDistinctions')}</p>
          ) : (
            <ul className="plain-list">
              {edition.awards.map((award) => (
                <li key={award.id} className="card card--distinction">
                  <p className="card__title">{award.recipientUnit ?? t('awards.cityGovernment', { city })}</p>
                  <p className="meta">{award.categories.map((category) => category.name).join('; ')}</p>
                  <ul>
                    {award.practices.map((practice) => (
                      <li key={practice.id}>{practice.title}</li>
                    ))}
                  </ul>
                  {award.citation && <blockquote className="citation">{award.citation}</blockquote>}
                  <CertificateLinks certificates={award.certificates} />
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={`/editions/${edition.year}`}>{t('city.publicAwards', { year: edition.year })}</Link>
          </p>
        </div>
      )}

      {!published && edition.stage !== 'reportsOpen' && <p className="meta">{t('city.beforePublication')}</p>}

      {edition.practices.length === 0 ? (
        <p>{t('city.noPractices')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table ref={cardTable} className="table table--cards">
            <caption>{t('city.practicesCaption', { year: edition.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('city.practice')}</th>
                <th scope="col">{t('city.practiceStatus')}</th>
                <th scope="col">{t('city.history')}</th>
              </tr>
            </thead>
            <tbody>
              {edition.practices.map((practice) => (
                <tr key={practice.id}>
                  <th scope="row">
                    {practice.title}
                    {practice.categories.length > 0 && <span className="meta-inline">{practice.categories.map((category) => category.name).join('; ')}</span>}
                  </th>
                  <td>
                    <Badge tone={practiceTone(practice.status)}>{practiceStatusLabel(t, practice.status)}</Badge>
                    {practice.eligibilityReason && <span className="meta-inline">{t('city.reason', { reason: practice.eligibilityReason })}</span>}
                  </td>
                  <td>
                    {practice.history.length === 0 ? (
                      '–'
                    ) : (
                      <ul className="plain-list plain-list--tight">
                        {practice.history.map((entry) => (
                          <li key={`${entry.status}-${entry.at}`}>{t('city.historyEntry', { status: practiceStatusLabel(t, entry.status), when: format.date(entry.at) })}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
