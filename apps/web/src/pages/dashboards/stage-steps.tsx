// An edition's stages in order, the current one marked: draft → reportsOpen → juryScoring →
// deliberation → decided → published.
import { useTranslation } from 'react-i18next';
import { stageLabel, STAGES } from '../../i18n/labels';

export function StageSteps({ stage }: { stage: string }) {
  const { t } = useTranslation();
  const current = (STAGES as readonly string[]).indexOf(stage);
  return (
    <ol className="stages" aria-label={t('stages.label')}>
      {STAGES.map((name, index) => (
        <li
          key={name}
          className={index < current ? 'stages__step stages__step--done' : index === current ? 'stages__step stages__step--current' : 'stages__step'}
          aria-current={index === current ? 'step' : undefined}
        >
          {stageLabel(t, name)}
        </li>
      ))}
    </ol>
  );
}
