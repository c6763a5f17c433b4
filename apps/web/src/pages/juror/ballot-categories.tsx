// The edition's categories on the ballot, each description in the juror's language where translated
// (GET /api/editions/:id/categories?lang=), with the practices' "translated from … · show original" note.
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useApiQuery } from '../../components/query';
import { VersionedText } from '../../components/versioned-text';
import { toLanguage } from '../../i18n/languages';
import { translatedName } from '../../i18n/names';

export function BallotCategories({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const categories = useApiQuery(
    (signal) => unwrap(client.GET('/api/editions/{id}/categories', { params: { path: { id: editionId }, query: { lang: toLanguage(i18n.language) ?? undefined } }, signal })),
    [editionId, i18n.language],
  );
  const described = (categories.status === 'success' ? categories.data : []).filter((category) => category.description);
  if (described.length === 0) return null;
  return (
    <details className="disclosure" data-testid="ballot-categories">
      <summary>{t('ballot.categoriesTitle')}</summary>
      <dl className="criteria-list">
        {described.map((category) => (
          <div key={category.id}>
            <dt>{translatedName(category, i18n.language)}</dt>
            <dd>
              <VersionedText
                id={category.id}
                text={category.description ?? ''}
                version={category.descriptionVersion}
                render={(text, language) => (
                  <span className="pre-line" lang={language}>
                    {text}
                  </span>
                )}
              />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
