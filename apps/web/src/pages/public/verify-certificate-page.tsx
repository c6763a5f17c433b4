// The page a certificate's QR code opens (/verify/:code): whether the certificate is valid, revoked
// or unknown (GET /api/public/certificates/:code), and what a valid one confirms.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { client } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CertificateVerification } from '../../api/types';
import { Page } from '../../components/page';
import { Loaded, useApiQuery } from '../../components/query';
import { useFormat } from '../../i18n/format';

function Verification({ verification }: { verification: CertificateVerification }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (verification.status === 'revoked') {
    return (
      <section className="panel" role="status">
        <p>{t('certificates.revoked', { date: format.date(verification.revokedAt) })}</p>
        <p className="meta">
          {t('certificates.code')}: {verification.code}
        </p>
      </section>
    );
  }
  const award = verification.award;
  return (
    <section className="panel" role="status">
      <p>
        <strong>{t('certificates.valid')}</strong>
      </p>
      {award && (
        <dl>
          <dt>{t('certificates.award', { edition: award.editionName, city: award.city })}</dt>
          {award.recipientUnit && <dd>{t('certificates.unit')}: {award.recipientUnit}</dd>}
          <dd>
            {t('certificates.categories')}: {award.categories.join('; ')}
          </dd>
          <dd>
            {t('certificates.issued')}: {format.date(verification.issuedAt)}
          </dd>
        </dl>
      )}
      <p className="meta">
        {t('certificates.code')}: {verification.code}
      </p>
      {verification.pdfUrl && (
        <p>
          <a href={verification.pdfUrl} download>
            {t('certificates.downloadValid')}
          </a>
        </p>
      )}
    </section>
  );
}

export function VerifyCertificatePage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const data = useApiQuery((signal) => unwrap(client.GET('/api/public/certificates/{code}', { params: { path: { code } }, signal })), [code]);
  return (
    <Page title={t('certificates.verifyTitle')}>
      {data.status === 'error' && data.error.status === 404 ? (
        <section className="panel" role="status">
          <p>{t('certificates.unknown')}</p>
        </section>
      ) : (
        <Loaded query={data} what={t('certificates.what')}>
          {(verification) => <Verification verification={verification} />}
        </Loaded>
      )}
    </Page>
  );
}
