// The expert's translations of their own texts, on the report page: per practice (and the summary) a
// folded entry with its status per language; opening a language shows the translation editor (the
// original beside the form) through the same routes the translators use, read-only once scoring opens.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView, TranslationItemKind } from '../../api/types';
import { Badge } from '../../components/badge';
import { Loaded, useApiQuery } from '../../components/query';
import { LANGUAGES } from '../../i18n/languages';
import { loadTranslations } from '../translations/translation-api';
import { TranslationEditor } from '../translations/translation-editor';
import { STATUS_TONE, useLanguageName } from '../translations/translation-labels';

export function TranslationsSection({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const items: { kind: TranslationItemKind; id: string; label: string; title: string }[] = [
    ...(report.summary.trim() ? [{ kind: 'reportSummary' as const, id: report.id, label: t('report.summaryTitle'), title: t('translations.ofSummary') }] : []),
    ...report.practices.map((practice) => ({ kind: 'practice' as const, id: practice.id, label: practice.title, title: t('translations.ofPractice', { label: practice.title }) })),
  ];
  if (items.length === 0) return null;
  return (
    <section className="section expert-translations" aria-labelledby="expert-translations-title">
      <h2 id="expert-translations-title">{t('translations.expertTitle')}</h2>
      <p>{t('translations.expertLead')}</p>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`}>
            <Folded {...item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Folded({ kind, id, label, title }: { kind: TranslationItemKind; id: string; label: string; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="translation-fold" onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="expert-translation">
      <summary>{title}</summary>
      {open && <Statuses kind={kind} id={id} label={label} />}
    </details>
  );
}

function Statuses({ kind, id, label }: { kind: TranslationItemKind; id: string; label: string }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const [editing, setEditing] = useState<string | null>(null);
  const query = useApiQuery((signal) => loadTranslations(kind, id, signal), [kind, id]);
  return (
    <Loaded query={query} what={t('translations.editorLoading')}>
      {(data) => (
        <>
          <ul className="translations__versions">
            {LANGUAGES.filter((language) => language !== data.original.language).map((language) => {
              const existing = data.translations.find((translation) => translation.language === language);
              const status = existing ? (existing.outdated ? 'outdated' : 'current') : 'missing';
              return (
                <li key={language} className="translations__version">
                  <span className="translations__language">{languageName(language)}</span> <Badge tone={STATUS_TONE[status]}>{t(`translations.status.${status}`)}</Badge>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-expanded={editing === language}
                    aria-label={t(data.editable ? (existing ? 'translations.editLabel' : 'translations.addLabel') : 'translations.viewLabel', { label, language: languageName(language) })}
                    onClick={() => setEditing(editing === language ? null : language)}
                  >
                    {data.editable ? (existing ? t('translations.edit') : t('translations.add')) : t('translations.view')}
                  </button>
                </li>
              );
            })}
          </ul>
          {editing && <TranslationEditor kind={kind} id={id} language={editing} label={label} idPrefix={`expert-${id}-${editing}`} onSaved={query.reload} focus />}
        </>
      )}
    </Loaded>
  );
}
