// All editions with their stage and deadlines, and a new edition (POST /api/editions, stage draft).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { checks, ErrorSummary, Form, SubmitButton, TextField, useApiForm, type FieldErrors } from '../../components/form';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { stageLabel } from '../../i18n/labels';
import { cardTable } from '../../components/card-table';

export function CoordinatorEditionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const editions = useApiQuery((signal) => unwrap(client.GET('/api/editions', { params: { query: { limit: 200 } }, signal })).then((page) => page.items), []);
  return (
    <Page title={t('coordinator.editionsTitle')} lead={t('coordinator.editionsLead')} wide>
      <Loaded query={editions} what={t('coordinator.editions')}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('coordinator.noEditions')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="editions-caption" tabIndex={0}>
              <table ref={cardTable} className="table table--cards">
                <caption id="editions-caption">{t('coordinator.editionsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('coordinator.year')}</th>
                    <th scope="col">{t('coordinator.name')}</th>
                    <th scope="col">{t('coordinator.stage')}</th>
                    <th scope="col">{t('coordinator.reportsDue')}</th>
                    <th scope="col">{t('coordinator.scoringDue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...items]
                    .sort((a, b) => b.year - a.year)
                    .map((edition) => (
                      <tr key={edition.id}>
                        <td>{edition.year}</td>
                        <th scope="row">
                          <Link to={`/coordinator/editions/${edition.id}`}>{edition.name}</Link>
                        </th>
                        <td>{stageLabel(t, edition.stage)}</td>
                        <td>{edition.reportsDueAt ? format.dateTime(edition.reportsDueAt) : t('common.notSet')}</td>
                        <td>{edition.scoringDueAt ? format.dateTime(edition.scoringDueAt) : t('common.notSet')}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <NewEdition />
    </Page>
  );
}

function NewEdition() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useApiForm();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [name, setName] = useState('');
  const labels = { year: t('coordinator.year'), name: t('coordinator.name') };
  const check = (): FieldErrors => {
    const problems: FieldErrors = {};
    if (!/^\d{4}$/.test(year.trim())) problems.year = [t('coordinator.validation.year')];
    if (!checks.required(name)) problems.name = [t('validation.required')];
    return problems;
  };
  return (
    <section className="section narrow" aria-labelledby="new-edition-title">
      <h2 id="new-edition-title">{t('coordinator.newEdition')}</h2>
      <p>{t('coordinator.newEditionLead')}</p>
      <ErrorSummary errors={form.errors} labels={labels} idPrefix="edition-new" />
      <Form
        idPrefix="edition-new"
        onSubmit={() =>
          void form.submit(check, async () => {
            const created = await unwrap(client.POST('/api/editions', { body: { year: Number(year), name: name.trim() } }));
            navigate(`/coordinator/editions/${created.id}/setup`);
          })
        }
      >
        <TextField name="year" label={labels.year} inputMode="numeric" value={year} onChange={setYear} errors={form.errors.fields} className="input--short" />
        <TextField name="name" label={labels.name} hint={t('coordinator.nameHint')} value={name} onChange={setName} errors={form.errors.fields} />
        <SubmitButton busy={form.busy}>{t('coordinator.createEdition')}</SubmitButton>
      </Form>
    </section>
  );
}
