// An edition's stages in order, the current one marked: draft → reportsOpen → juryScoring →
// deliberation → decided → published.
import { useTranslation } from 'react-i18next';
import type { EditionStage } from '../../api/pending-paths';

export const STAGES: readonly EditionStage[] = ['draft', 'reportsOpen', 'juryScoring', 'deliberation', 'decided', 'published'];

export function StageSteps({ stage }: { stage: EditionStage }) {
  const { t } = useTranslation();
  const current = STAGES.indexOf(stage);
  return (
    <ol className="stages" aria-label={t('stages.label')}>
      {STAGES.map((name, index) => (
        <li
          key={name}
          className={index < current ? 'stages__step stages__step--done' : index === current ? 'stages__step stages__step--current' : 'stages__step'}
          aria-current={index === current ? 'step' : undefined}
        >
          {t(`stages.${name}`)}
        </li>
      ))}
    </ol>
  );
}
