// The warnings of a stage move, listed (with each juror's count for incomplete ballots and each
// language's untranslated practices). Warnings never block the move; the confirmation shows
// them so moving on is a conscious choice.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { languageLabel, warningText, type Warning } from './stage-warning-text';

export function StageWarnings({ warnings }: { warnings: Warning[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (warnings.length === 0) return null;
  return (
    <div className="stage-warnings">
      <p className="label">{t('stageWarnings.title')}</p>
      <ul className="stage-warnings__list">
        {warnings.map((warning) => (
          <li key={warning.code}>
            {warningText(t, warning, format.dateTime)}
            {warning.code === 'ballots_incomplete' && warning.params.jurors && (
              <ul>
                {warning.params.jurors.map((juror) => (
                  <li key={juror.name}>{t('stageWarnings.jurorCount', { name: juror.name, scored: juror.scored, total: juror.total })}</li>
                ))}
              </ul>
            )}
            {warning.code === 'translations_missing' && warning.params.languages && (
              <ul>
                {warning.params.languages.map((gap) => (
                  <li key={gap.language}>
                    {[
                      t('stageWarnings.languageGap', { language: languageLabel(t, gap.language), missing: gap.missing, total: gap.total }),
                      gap.summariesMissing ? t('stageWarnings.languageGapSummaries', { missing: gap.summariesMissing, total: gap.summariesTotal ?? 0 }) : null,
                      gap.categoriesMissing ? t('stageWarnings.languageGapCategories', { missing: gap.categoriesMissing, total: gap.categoriesTotal ?? 0 }) : null,
                    ]
                      .filter(Boolean)
                      .join('; ')}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
