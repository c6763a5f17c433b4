// The four qualities the programme values most, which are the scoring criteria (DOMAIN.md).
export const CRITERIA = ['comprehensiveness', 'longTerm', 'governmentEngagement', 'effectiveness'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** Column of each criterion in table score. */
export const CRITERION_COLUMN: Record<Criterion, string> = {
  comprehensiveness: 'comprehensiveness',
  longTerm: 'long_term',
  governmentEngagement: 'government_engagement',
  effectiveness: 'effectiveness',
};

/** Names and guiding questions shown to jurors, in their language. */
export const CRITERION_TEXT: Record<Criterion, Record<'pl' | 'en' | 'uk', { name: string; question: string }>> = {
  comprehensiveness: {
    pl: { name: 'Kompleksowość', question: 'Czy działanie obejmuje wiele potrzeb migrantów i łączy różne obszary (informacja, pomoc, edukacja, praca)?' },
    en: { name: 'Comprehensiveness', question: 'Does the practice cover many of migrants’ needs and connect several areas (information, assistance, education, work)?' },
    uk: { name: 'Комплексність', question: 'Чи охоплює діяльність багато потреб мігрантів і поєднує різні сфери (інформація, допомога, освіта, робота)?' },
  },
  longTerm: {
    pl: { name: 'Długofalowość', question: 'Czy działanie jest trwałe, zaplanowane na lata i ma zapewnione finansowanie?' },
    en: { name: 'Long-term character', question: 'Is the practice lasting, planned for years, with secured funding?' },
    uk: { name: 'Довготривалість', question: 'Чи є діяльність сталою, запланованою на роки та із забезпеченим фінансуванням?' },
  },
  governmentEngagement: {
    pl: { name: 'Zaangażowanie samorządu', question: 'Na ile urząd miasta sam prowadzi i wspiera działanie, a nie tylko je dopuszcza?' },
    en: { name: 'Engagement of the city government', question: 'How far does the city government itself run and support the practice, rather than merely allow it?' },
    uk: { name: 'Залученість місцевої влади', question: 'Наскільки міська влада сама веде та підтримує діяльність, а не лише дозволяє її?' },
  },
  effectiveness: {
    pl: { name: 'Skuteczność', question: 'Czy działanie przynosi widoczne efekty dla migrantów i mieszkańców?' },
    en: { name: 'Effectiveness', question: 'Does the practice bring visible results for migrants and residents?' },
    uk: { name: 'Ефективність', question: 'Чи дає діяльність помітні результати для мігрантів і мешканців?' },
  },
};

/** One value per criterion: a juror's score on a practice, or an edition's weights. */
export type CriteriaValues = Record<Criterion, number>;

/**
 * A juror's weighted score v = Σ w_c·x_c / Σ w_c, the value every result method starts from. The
 * results SQL (COUNTED_SCORES_SQL) computes the same in PostgreSQL; this is its definition in code,
 * the oracle of the tests that check the SQL through the API. null when every weight is 0.
 */
export function weightedScore(values: CriteriaValues, weights: CriteriaValues): number | null {
  let weighted = 0;
  let total = 0;
  for (const criterion of CRITERIA) {
    weighted += values[criterion] * weights[criterion];
    total += weights[criterion];
  }
  return total === 0 ? null : weighted / total;
}
