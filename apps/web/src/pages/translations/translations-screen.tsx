// The edition's translations for its coordinator and its translators: every translatable text
// (GET /api/editions/:id/translation-items) with its status per language, filterable by language and
// status; choosing one opens the editor (original beside the form) in place of the list, its
// address in the query (?edit=kind:id&to=uk) so the back button returns to the list.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { TranslationItem, TranslationItemKind, TranslationItemsView, TranslationStatus } from '../../api/types';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { SelectField } from '../../components/form';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';
import { TranslationEditor } from './translation-editor';
import { STATUS_TONE, useLanguageName } from './translation-labels';

const STATUS_FILTERS = ['missing', 'outdated', 'current'] as const;

/** Whether the item shows under the filters: one of its shown languages (not the original's) in the chosen status. */
export function matches(item: TranslationItem, language: string, status: string): boolean {
  const versions = item.versions.filter((version) => (language === '' || version.language === language) && version.status !== 'original');
  return status === '' ? versions.length > 0 || language === '' : versions.some((version) => version.status === status);
}

export function TranslationsScreen({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const query = useApiQuery((signal) => unwrap(client.GET('/api/editions/{id}/translation-items', { params: { path: { id: editionId } }, signal })), [editionId]);
  return (
    <Loaded query={query} what={t('translations.title')}>
      {(data) => <TranslationsBody data={data} reload={query.reload} />}
    </Loaded>
  );
}

function TranslationsBody({ data, reload }: { data: TranslationItemsView; reload: () => void }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const [params, setParams] = useSearchParams();
  const language = params.get('lang') ?? '';
  const status = params.get('status') ?? '';
  const edit = params.get('edit');
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const [kind, id] = (edit ?? '').split(':');
  const editing = data.items.find((item) => item.kind === kind && item.id === id);
  const target = params.get('to') ?? '';
  // Back from the editor (its link or the browser's button): the focus returns to the button that opened it, if still listed.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (opened.current && !edit) document.querySelector<HTMLButtonElement>(`[data-edit-key="${CSS.escape(opened.current)}"]`)?.focus();
    opened.current = edit ? `${edit}:${target}` : null;
  }, [edit, target]);
  if (edit && editing && target) {
    return (
      <div className="translations">
        <p className="back-link">
          <button type="button" className="link-button" onClick={() => update({ edit: null, to: null })}>
            {t('translations.backToList')}
          </button>
        </p>
        <TranslationEditor kind={editing.kind} id={editing.id} language={target} label={editing.label} onSaved={reload} focus />
      </div>
    );
  }
  const shown = data.items.filter((item) => matches(item, language, status));
  const closedEverywhere = data.items.length > 0 && data.items.every((item) => !item.editable);
  return (
    <div className="translations">
      {closedEverywhere && (
        <Alert kind="info" title={t('translations.closedTitle')}>
          <p>{t('translations.closed')}</p>
        </Alert>
      )}
      <div className="translations__filters" role="search" aria-label={t('translations.filters')}>
        <SelectField
          name="translation-language"
          label={t('translations.filterLanguage')}
          value={language}
          onChange={(value) => update({ lang: value })}
          options={[{ value: '', label: t('translations.allLanguages') }, ...data.languages.map((code) => ({ value: code, label: languageName(code) }))]}
        />
        <SelectField
          name="translation-status"
          label={t('translations.filterStatus')}
          value={status}
          onChange={(value) => update({ status: value })}
          options={[{ value: '', label: t('translations.allStatuses') }, ...STATUS_FILTERS.map((code) => ({ value: code, label: t(`translations.status.${code}`) }))]}
        />
      </div>
      <p className="meta" role="status" data-testid="translations-count">
        {t('translations.shown', { shown: shown.length, count: data.items.length })}
      </p>
      {data.items.length === 0 ? (
        <p>{t('translations.empty')}</p>
      ) : (
        <ul className="translations__list" data-testid="translation-items">
          {shown.map((item) => (
            <ItemCard key={`${item.kind}-${item.id}`} item={item} language={language} onEdit={(to) => update({ edit: `${item.kind}:${item.id}`, to })} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ItemCard({ item, language, onEdit }: { item: TranslationItem; language: string; onEdit: (language: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const languageName = useLanguageName();
  const versions = item.versions.filter((version) => language === '' || version.language === language || version.status === 'original');
  return (
    <li className="translations__item card" data-testid="translation-item">
      <p className="translations__kind">
        {t(`translations.kind.${item.kind as TranslationItemKind}`)}
        {item.context && item.kind !== 'reportSummary' && item.kind !== 'followUpNote' ? ` · ${item.context}` : ''}
        {item.submitted === false && ` · ${t('translations.notSubmitted')}`}
      </p>
      <h3 className="translations__label" lang={item.originalLanguage}>
        {item.label}
      </h3>
      <ul className="translations__versions">
        {versions.map((version) => (
          <li key={version.language} className="translations__version">
            <span className="translations__language">{languageName(version.language)}</span>{' '}
            <Badge tone={STATUS_TONE[version.status as TranslationStatus]}>{t(`translations.status.${version.status as TranslationStatus}`)}</Badge>
            {version.status === 'outdated' && <span className="meta-inline"> {t('translations.originalChangedOn', { date: format.date(item.originalChangedAt) })}</span>}
            {version.status !== 'original' && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onEdit(version.language)}
                data-edit-key={`${item.kind}:${item.id}:${version.language}`}
                aria-label={t(item.editable ? (version.status === 'missing' ? 'translations.addLabel' : 'translations.editLabel') : 'translations.viewLabel', { label: item.label, language: languageName(version.language) })}
              >
                {item.editable ? (version.status === 'missing' ? t('translations.add') : t('translations.edit')) : t('translations.view')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}
