// Where the published catalogue can be downloaded and followed: the CSV and JSON files and the
// Atom feed (plain links: public, no sign-in), with the licence they are published under when the
// screen knows it (the statistics answer names it; each file states it in any case).
import { useTranslation } from 'react-i18next';

export function OpenDataLinks({ licence }: { licence?: { name: string; url: string } }) {
  const { t } = useTranslation();
  return (
    <section className="section open-data" aria-labelledby="open-data-title">
      <h2 id="open-data-title">{t('openData.title')}</h2>
      <ul className="plain-list plain-list--tight">
        <li>
          <a href="/api/public/catalogue.csv" download>
            {t('openData.csv')}
          </a>
        </li>
        <li>
          <a href="/api/public/catalogue.json" type="application/json">
            {t('openData.json')}
          </a>
        </li>
        <li>
          <a href="/api/public/feed.atom" type="application/atom+xml">
            {t('openData.feed')}
          </a>
        </li>
      </ul>
      <p className="meta">
        {licence ? (
          <>
            {t('openData.licencePrefix')}{' '}
            <a href={licence.url} rel="license noopener noreferrer">
              {licence.name}
            </a>
          </>
        ) : (
          t('openData.licenceInFiles')
        )}
      </p>
    </section>
  );
}
