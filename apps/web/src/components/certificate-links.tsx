// The certificates of a published distinction: one download per language, each with its verification page.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CertificateRef } from '../api/types';

export function CertificateLinks({ certificates }: { certificates: CertificateRef[] }) {
  const { t } = useTranslation();
  if (certificates.length === 0) return null;
  return (
    <div className="certificates">
      <h4 className="label">{t('certificates.title')}</h4>
      <ul className="tags">
        {certificates.map((certificate) => (
          <li key={certificate.code} className="tag">
            <a href={`/api/public/certificates/${certificate.code}/pdf`} download lang={certificate.language}>
              {t('certificates.download', { language: t(`languageNames.${certificate.language}`) })}
            </a>{' '}
            (<Link to={`/verify/${certificate.code}`}>{t('certificates.verify')}</Link>)
          </li>
        ))}
      </ul>
    </div>
  );
}
