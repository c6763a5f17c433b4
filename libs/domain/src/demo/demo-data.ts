// The demo data as typed constants: the facts of the 2014 and 2015 editions of Miasta Otwarte from
// ../shared/DOMAIN.md and its two Polish sources (the organiser's announcement of 2015 and the page
// "Miasta Otwarte 2015" on lublin.eu), the demo accounts, and a clearly named "Demo edition" for
// trying the workflow. Only Lublin's distinctions are known from the sources: no other city's
// distinction is recorded here.
//
// Dates the sources do not give are not invented: nullable ones stay null (the 2014 ceremony's
// start, the deadlines and submission times of 2014 and 2015); NOT NULL system timestamps
// (created_at, the stage history's `at`) record when the seed wrote the rows.
import { Role } from '@app/core/auth/roles';
import type { FollowUpStatus } from '../reports/report.entity';

// ---- cities ------------------------------------------------------------------------------

/** The six expert cities of 2015, and Wrocław (the ceremony; the city Jose Torres represented). */
export const DEMO_CITY_NAMES = ['Warszawa', 'Kraków', 'Lublin', 'Poznań', 'Łódź', 'Gdańsk', 'Wrocław'] as const;
export type DemoCityName = (typeof DEMO_CITY_NAMES)[number];

export interface DemoCity {
  name: DemoCityName;
  /** The voivodeship, as the `region` of the city. */
  region: string;
  /** ASCII form for the demo e-mail addresses. */
  slug: string;
}

export const DEMO_CITIES: readonly DemoCity[] = [
  { name: 'Warszawa', region: 'mazowieckie', slug: 'warszawa' },
  { name: 'Kraków', region: 'małopolskie', slug: 'krakow' },
  { name: 'Lublin', region: 'lubelskie', slug: 'lublin' },
  { name: 'Poznań', region: 'wielkopolskie', slug: 'poznan' },
  { name: 'Łódź', region: 'łódzkie', slug: 'lodz' },
  { name: 'Gdańsk', region: 'pomorskie', slug: 'gdansk' },
  { name: 'Wrocław', region: 'dolnośląskie', slug: 'wroclaw' },
];

/** "Wybrani eksperci z różnych miast Polski (Warszawy, Krakowa, Lublina, Poznania, Łodzi i Gdańska)". */
export const EXPERT_CITIES_2015: readonly DemoCityName[] = ['Warszawa', 'Kraków', 'Lublin', 'Poznań', 'Łódź', 'Gdańsk'];

// ---- shapes ------------------------------------------------------------------------------

export interface DemoCategory {
  key: string;
  /** Polish, as in the sources (nominative: the organiser's bullets are in the accusative). */
  name: string;
  translations: { en: string; uk: string };
}

export interface DemoPractice {
  key: string;
  title: string;
  description: string;
  recipientUnits: string[];
  categoryKeys: string[];
}

export interface DemoAward {
  key: string;
  /** The unit (or, in 2015's first distinction, the person) that received it; null when none is named. */
  recipientUnit: string | null;
  categoryKeys: string[];
  practiceKeys: string[];
  /** Built from the source's own wording. */
  citation: string;
  /** Who received it at the ceremony, where the sources say so. */
  receivedBy?: string;
}

export interface DemoCeremony {
  /** ISO 8601 with zone, or null when the sources give no day and hour. */
  startsAt: string | null;
  venue: string | null;
  city: DemoCityName;
  /** The event the distinctions were given at, and its period as the sources word it. */
  occasion: string;
  occasionPeriod: string;
}

export interface HistoricEdition {
  year: number;
  name: string;
  ceremony: DemoCeremony;
  categories: DemoCategory[];
  /** The city whose report and distinctions are known: Lublin. */
  city: DemoCityName;
  practices: DemoPractice[];
  awards: DemoAward[];
  /** The Lublin report's summary: says where the content comes from. */
  reportSummary: string;
  /** Who organised the award (and the forum of its ceremony), as the sources name them. */
  organisers: string;
  /**
   * When the results were made public, where the sources give it (the 2015 ceremony); null keeps
   * the edition without a stage history rather than inventing one.
   */
  publishedAt: string | null;
}

// ---- the 2014 edition (III Forum, Warszawa) ----------------------------------------------

// 2014's categories are not listed in the sources as such: they are the four categories in which
// Lublin was distinguished ("Lublin został wyróżniony w 4 kategoriach, za: …").
export const CATEGORIES_2014: DemoCategory[] = [
  { key: 'invitingMigrants', name: 'Zapraszanie migrantów', translations: { en: 'Inviting migrants', uk: 'Запрошення мігрантів' } },
  {
    key: 'localOfficesEmployment',
    name: 'Zatrudnianie cudzoziemców w urzędach lokalnych',
    translations: { en: 'Employing foreigners in local offices', uk: 'Працевлаштування іноземців у місцевих органах влади' },
  },
  {
    key: 'shelteredFlats',
    name: 'Mieszkania chronione dla migrantów przymusowych',
    translations: { en: 'Sheltered flats for forced migrants', uk: 'Захищене житло для вимушених мігрантів' },
  },
  {
    key: 'diversityManagement',
    name: 'System zarządzania różnorodnością kulturową',
    translations: { en: 'Cultural-diversity management system', uk: 'Система управління культурним розмаїттям' },
  },
];

export const UNIT = {
  president: 'Prezydent Miasta Lublin dr Krzysztof Żuk',
  chancellery: 'Kancelaria Prezydenta Miasta Lublin',
  cityHall: 'Urząd Miasta Lublin',
  strategyDept: 'Wydział Strategii i Obsługi Inwestorów Urzędu Miasta Lublin',
  residentsOffice: 'Biuro Obsługi Mieszkańców Urzędu Miasta Lublin',
  mopr: 'Miejski Ośrodek Pomocy Rodzinie w Lublinie',
} as const;

const SHELTERED_FLATS_TEXT =
  'W Lublinie cudzoziemcy mogą korzystać z trzech mieszkań chronionych, które zostały przekazane przez miasto i są jego własnością. ' +
  'Opiekę nad mieszkaniami, tak jak i kompleksową pomoc w integracji cudzoziemców, sprawuje lubelski MOPR.';
const DIVERSITY_MANAGEMENT_TEXT =
  'Urząd Miasta Lublin buduje trwałe mechanizmy w Urzędzie Miasta, które pozwolą trafnie i w sposób systemowy odpowiedzieć ' +
  'na zwiększającą się liczbę cudzoziemskich mieszkańców Lublina.';

export const EDITION_2014: HistoricEdition = {
  year: 2014,
  name: 'Miasta Otwarte 2014',
  // "Podczas III Forum Polityk Migracyjnych w Warszawie (jesień 2014)"; DOMAIN.md: September 2014.
  // No day, hour or venue is given: the start stays null (the API shows no ceremony then) and only
  // the city is stored.
  ceremony: { startsAt: null, venue: null, city: 'Warszawa', occasion: 'III Forum Polityk Migracyjnych', occasionPeriod: 'wrzesień 2014' },
  // The 2015 announcement: the action "zapoczątkowane w 2014 roku, w ramach akcji społecznej „Włącz się w Polskę”".
  organisers: 'Akcja społeczna „Włącz się w Polskę”; główny organizator: Fundacja „Inna Przestrzeń” (Warszawa)',
  // "wrzesień 2014" (DOMAIN.md) / "jesień 2014" (lublin.eu): no day, so no date is recorded.
  publishedAt: null,
  categories: CATEGORIES_2014,
  city: 'Lublin',
  practices: [
    {
      key: 'studyInLublin',
      title: 'Program Study in Lublin',
      description: 'Program Study in Lublin jako zinstytucjonalizowane działanie mające na celu przyciągnięcie studentów zagranicznych.',
      // The source names no unit for this distinction.
      recipientUnits: [],
      categoryKeys: ['invitingMigrants'],
    },
    {
      key: 'localOfficesEmployment',
      title: 'Zatrudnianie cudzoziemców w urzędach lokalnych',
      description: 'Zatrudnianie cudzoziemców w urzędach lokalnych: Wydział Strategii i Obsługi Inwestorów.',
      recipientUnits: [UNIT.strategyDept],
      categoryKeys: ['localOfficesEmployment'],
    },
    {
      key: 'shelteredFlats',
      title: 'Mieszkania chronione dla migrantów przymusowych',
      description: SHELTERED_FLATS_TEXT,
      recipientUnits: [UNIT.mopr, UNIT.cityHall],
      categoryKeys: ['shelteredFlats'],
    },
    {
      key: 'diversityManagement',
      title: 'System zarządzania różnorodnością kulturową',
      description: DIVERSITY_MANAGEMENT_TEXT,
      recipientUnits: [UNIT.cityHall],
      categoryKeys: ['diversityManagement'],
    },
  ],
  awards: [
    {
      key: 'studyInLublin',
      recipientUnit: null,
      categoryKeys: ['invitingMigrants'],
      practiceKeys: ['studyInLublin'],
      citation: 'Zapraszanie migrantów: program Study in Lublin jako zinstytucjonalizowane działanie mające na celu przyciągnięcie studentów zagranicznych.',
    },
    {
      key: 'localOfficesEmployment',
      recipientUnit: UNIT.strategyDept,
      categoryKeys: ['localOfficesEmployment'],
      practiceKeys: ['localOfficesEmployment'],
      citation: 'Zatrudnianie cudzoziemców w urzędach lokalnych: Wydział Strategii i Obsługi Inwestorów.',
    },
    {
      key: 'shelteredFlats',
      // Two units in the source; the award holds one recipient, so both are named in it.
      recipientUnit: `${UNIT.mopr}, ${UNIT.cityHall}`,
      categoryKeys: ['shelteredFlats'],
      practiceKeys: ['shelteredFlats'],
      citation: `Mieszkania chronione dla migrantów przymusowych: ${UNIT.mopr}, ${UNIT.cityHall}: ${SHELTERED_FLATS_TEXT.charAt(0).toLowerCase()}${SHELTERED_FLATS_TEXT.slice(1)}`,
    },
    {
      key: 'diversityManagement',
      recipientUnit: UNIT.cityHall,
      categoryKeys: ['diversityManagement'],
      practiceKeys: ['diversityManagement'],
      citation: `System zarządzania różnorodnością kulturową: ${DIVERSITY_MANAGEMENT_TEXT}`,
    },
  ],
  reportSummary:
    'Dane demonstracyjne: praktyki Lublina wyróżnione w 2014 r. (III Forum Polityk Migracyjnych, Warszawa), ' +
    'odtworzone z opisu na stronie lublin.eu. Pełny raport z 2014 r. nie jest częścią źródeł.',
};

// ---- the 2015 edition (IV Forum, Wrocław) -------------------------------------------------

/**
 * The eleven practices the migrant jury distinguished in 2015, in the organiser's order ("Jurorzy
 * docenili samorządy za działania: …"). The third is one bullet there (and one category here) but
 * two items on Lublin's page. The source's typo "cudzodziemców" is written "cudzoziemców".
 */
export const CATEGORIES_2015: DemoCategory[] = [
  {
    key: 'strategy',
    name: 'Miejska strategia dotycząca różnorodności kulturowej oraz integracji imigrantów',
    translations: {
      en: 'City strategy on cultural diversity and integration of immigrants',
      uk: 'Міська стратегія щодо культурного розмаїття та інтеграції іммігрантів',
    },
  },
  {
    key: 'cityOfficesEmployment',
    name: 'Zatrudnianie cudzoziemców w urzędach miejskich',
    translations: { en: 'Employing foreigners in city offices', uk: 'Працевлаштування іноземців у міських органах влади' },
  },
  {
    key: 'universities',
    name: 'Promocja polskich uczelni wśród cudzoziemców. Działania na rzecz integracji studentów zagranicznych',
    translations: {
      en: 'Promoting Polish universities among foreigners; integration of foreign students',
      uk: 'Популяризація польських університетів серед іноземців; інтеграція іноземних студентів',
    },
  },
  {
    key: 'socialAssistance',
    name: 'Kompleksowa pomoc społeczna dostępna dla cudzoziemców',
    translations: { en: 'Comprehensive social assistance available to foreigners', uk: 'Комплексна соціальна допомога, доступна для іноземців' },
  },
  {
    key: 'servicePoint',
    name: 'Miejski punkt obsługi cudzoziemców',
    translations: { en: 'City service point for foreigners', uk: 'Міський пункт обслуговування іноземців' },
  },
  {
    key: 'pupils',
    name: 'Kompleksowe działania na rzecz integracji uczniów imigranckich',
    translations: { en: 'Comprehensive integration of immigrant pupils', uk: 'Комплексна діяльність з інтеграції учнів-іммігрантів' },
  },
  {
    key: 'platforms',
    name: 'Platformy współpracy międzysektorowej',
    translations: { en: 'Cross-sector cooperation platforms', uk: 'Платформи міжсекторальної співпраці' },
  },
  {
    key: 'ngoGrants',
    name: 'Konkursy dla organizacji pozarządowych uwzględniające diaspory imigranckie i wielokulturowy charakter miasta',
    translations: {
      en: "NGO grant competitions that take immigrant diasporas and the city's multicultural character into account",
      uk: 'Конкурси для громадських організацій з урахуванням іммігрантських діаспор і багатокультурного характеру міста',
    },
  },
  {
    key: 'space',
    name: 'Przestrzeń przyjazna imigrantom',
    translations: { en: 'Immigrant-friendly space', uk: 'Простір, дружній до іммігрантів' },
  },
  {
    key: 'information',
    name: 'Kompleksowe działania informacyjno-integracyjne samorządu na rzecz imigrantów',
    translations: {
      en: 'Comprehensive information and integration activities of the city government for immigrants',
      uk: 'Комплексна інформаційно-інтеграційна діяльність місцевого самоврядування для іммігрантів',
    },
  },
  {
    key: 'research',
    name: 'Współpraca miasta z ośrodkiem naukowym i badawczym w obszarze integracji imigrantów',
    translations: {
      en: 'Cooperation of the city with a research centre on immigrant integration',
      uk: 'Співпраця міста з науково-дослідним центром у сфері інтеграції іммігрантів',
    },
  },
];

const distinguished2015 = (by: string) => `Wyróżniona w 2015 r. w konkursie Miasta Otwarte: ${by}.`;
const PRESIDENT_AWARD = 'wyróżnienie dla Prezydenta Miasta Lublin dr Krzysztofa Żuka';

export const EDITION_2015: HistoricEdition = {
  year: 2015,
  name: 'Miasta Otwarte 2015',
  ceremony: {
    startsAt: '2015-05-14T15:30:00+02:00',
    venue: 'Synagoga pod Białym Bocianem',
    city: 'Wrocław',
    occasion: 'IV Międzysektorowe Forum Lokalnych Polityk Migracyjnych',
    occasionPeriod: '14–17 maja 2015',
  },
  organisers:
    'Główny organizator akcji: Fundacja „Inna Przestrzeń” (Warszawa). Organizatorzy IV Forum: Stowarzyszenie Nomada (Wrocław), ' +
    'Fundacja Inna Przestrzeń (Warszawa), Stowarzyszenie Homo Faber (Lublin)',
  // The distinctions were handed over at the opening of the IV Forum: that is when they became public.
  publishedAt: '2015-05-14T15:30:00+02:00',
  categories: CATEGORIES_2015,
  city: 'Lublin',
  // Lublin's practices are the six items of its page, in its order, in categories 1, 2, 3, 3, 4, 5.
  practices: [
    {
      key: 'strategy',
      title: 'Miejska strategia dotycząca różnorodności kulturowej oraz integracji imigrantów',
      description:
        'Miejska strategia dotycząca różnorodności kulturowej oraz integracji imigrantów. ' +
        distinguished2015(`${PRESIDENT_AWARD} oraz wyróżnienie dla Kancelarii Prezydenta Miasta Lublin`),
      recipientUnits: [UNIT.chancellery],
      categoryKeys: ['strategy'],
    },
    {
      key: 'cityOfficesEmployment',
      title: 'Zatrudnianie cudzoziemców w urzędach miejskich',
      description:
        'Zatrudnianie cudzoziemców i cudzoziemek w urzędach miejskich. ' +
        distinguished2015(`${PRESIDENT_AWARD} oraz wyróżnienie dla Urzędu Miasta Lublin`),
      recipientUnits: [UNIT.cityHall],
      categoryKeys: ['cityOfficesEmployment'],
    },
    {
      key: 'universitiesPromotion',
      title: 'Promocja uczelni polskich wśród cudzoziemców',
      description:
        'Promocja uczelni polskich wśród cudzoziemców, w tym promocja lubelskich uczelni za granicą. ' +
        distinguished2015(`${PRESIDENT_AWARD} oraz wyróżnienie dla Wydziału Strategii i Obsługi Inwestorów Urzędu Miasta Lublin`),
      recipientUnits: [UNIT.strategyDept],
      categoryKeys: ['universities'],
    },
    {
      key: 'foreignStudents',
      title: 'Działania na rzecz integracji studentów zagranicznych',
      description:
        'Działania na rzecz integracji studentów zagranicznych. ' +
        distinguished2015(`${PRESIDENT_AWARD} oraz wyróżnienie dla Wydziału Strategii i Obsługi Inwestorów Urzędu Miasta Lublin`),
      recipientUnits: [UNIT.strategyDept],
      categoryKeys: ['universities'],
    },
    {
      key: 'socialAssistance',
      title: 'Kompleksowa pomoc społeczna dostępna dla cudzoziemców',
      description:
        'Kompleksowa pomoc społeczna dostępna dla cudzoziemców. ' +
        distinguished2015(`${PRESIDENT_AWARD} oraz wyróżnienie dla Miejskiego Ośrodka Pomocy Rodzinie w Lublinie`),
      recipientUnits: [UNIT.mopr],
      categoryKeys: ['socialAssistance'],
    },
    {
      key: 'servicePoint',
      title: 'Miejski punkt obsługi cudzoziemców',
      description:
        'Miejski punkt obsługi cudzoziemców. ' +
        distinguished2015(`${PRESIDENT_AWARD} oraz wyróżnienie dla Biura Obsługi Mieszkańców Urzędu Miasta Lublin`),
      recipientUnits: [UNIT.residentsOffice],
      categoryKeys: ['servicePoint'],
    },
  ],
  // Lublin's six distinctions, numbered as on its page.
  awards: [
    {
      key: 'president',
      recipientUnit: UNIT.president,
      // "Wyróżnienia w imieniu Prezydenta Miasta Lublin […] odebrał Andrzej Wojewódzki, Sekretarz Miasta Lublin."
      receivedBy: 'Andrzej Wojewódzki, Sekretarz Miasta Lublin, w imieniu Prezydenta Miasta Lublin',
      categoryKeys: ['strategy', 'cityOfficesEmployment', 'universities', 'socialAssistance', 'servicePoint'],
      practiceKeys: ['strategy', 'cityOfficesEmployment', 'universitiesPromotion', 'foreignStudents', 'socialAssistance', 'servicePoint'],
      citation:
        'Wyróżnienie dla Prezydenta Miasta Lublin dr Krzysztofa Żuka za: miejską strategię dotyczącą różnorodności kulturowej ' +
        'oraz integracji imigrantów; zatrudnianie cudzoziemców w urzędach miejskich; promocję uczelni polskich wśród cudzoziemców; ' +
        'działania na rzecz integracji studentów zagranicznych; kompleksową pomoc społeczną dostępną dla cudzoziemców; ' +
        'miejski punkt obsługi cudzoziemców.',
    },
    {
      key: 'chancellery',
      recipientUnit: UNIT.chancellery,
      categoryKeys: ['strategy'],
      practiceKeys: ['strategy'],
      citation: 'Wyróżnienie dla Kancelarii Prezydenta Miasta Lublin za miejską strategię dotyczącą różnorodności kulturowej oraz integracji imigrantów.',
    },
    {
      key: 'cityHall',
      recipientUnit: UNIT.cityHall,
      categoryKeys: ['cityOfficesEmployment'],
      practiceKeys: ['cityOfficesEmployment'],
      citation: 'Wyróżnienie dla Urzędu Miasta Lublin za zatrudnianie cudzoziemców w urzędach miejskich.',
    },
    {
      key: 'strategyDept',
      recipientUnit: UNIT.strategyDept,
      categoryKeys: ['universities'],
      practiceKeys: ['universitiesPromotion', 'foreignStudents'],
      citation:
        'Wyróżnienie dla Wydziału Strategii i Obsługi Inwestorów Urzędu Miasta Lublin za promocję uczelni polskich wśród cudzoziemców ' +
        'oraz działania na rzecz integracji studentów zagranicznych.',
    },
    {
      key: 'residentsOffice',
      recipientUnit: UNIT.residentsOffice,
      categoryKeys: ['servicePoint'],
      practiceKeys: ['servicePoint'],
      citation: 'Wyróżnienie dla Biura Obsługi Mieszkańców Urzędu Miasta Lublin za miejski punkt obsługi cudzoziemców.',
    },
    {
      key: 'mopr',
      recipientUnit: UNIT.mopr,
      categoryKeys: ['socialAssistance'],
      practiceKeys: ['socialAssistance'],
      citation: 'Wyróżnienie dla Miejskiego Ośrodka Pomocy Rodzinie w Lublinie za kompleksową pomoc społeczną dostępną dla cudzoziemców.',
    },
  ],
  reportSummary:
    'Dane demonstracyjne: praktyki Lublina wyróżnione w konkursie Miasta Otwarte 2015 i ocena realizacji praktyk wyróżnionych w 2014 r., ' +
    'odtworzone z komunikatu organizatora i ze strony lublin.eu. Pełny raport eksperta nie jest częścią źródeł.',
};

/** Not stored (no column): who received the 2015 distinctions in Wrocław. */
export const RECEIVED_2015_BY = 'Andrzej Wojewódzki, Sekretarz Miasta Lublin (w imieniu Prezydenta Miasta Lublin)';

/** The main organiser of the awards, and the organisers of the IV Forum (not stored). */
export const ORGANISERS = {
  awards: 'Fundacja „Inna Przestrzeń” (Warszawa)',
  forum2015: ['Stowarzyszenie Nomada (Wrocław)', 'Fundacja Inna Przestrzeń (Warszawa)', 'Stowarzyszenie Homo Faber (Lublin)'],
} as const;

/**
 * The 2015 Lublin report's follow-up of each 2014 distinction, judged only by what the 2015 texts
 * say: a status the sources do not support is `unknown`, and every other one is an inference from
 * the 2015 distinctions, not an expert's assessment: its text says so first (INFERRED).
 */
const INFERRED = 'Wniosek z wyróżnień 2015 r. (dane demonstracyjne, nie ocena eksperta): ';
export const FOLLOW_UPS_2015: { awardKey2014: string; status: FollowUpStatus; assessment: string }[] = [
  {
    awardKey2014: 'studyInLublin',
    status: 'continued',
    assessment:
      INFERRED +
      'kontynuowane jako promocja polskich uczelni wśród cudzoziemców i działania na rzecz integracji studentów zagranicznych, ' +
      'wyróżnione w 2015 r. (Wydział Strategii i Obsługi Inwestorów Urzędu Miasta Lublin).',
  },
  {
    awardKey2014: 'localOfficesEmployment',
    status: 'continued',
    assessment: `${INFERRED}kontynuowane: zatrudnianie cudzoziemców w urzędach miejskich wyróżnione ponownie w 2015 r. (Urząd Miasta Lublin).`,
  },
  {
    awardKey2014: 'shelteredFlats',
    status: 'unknown',
    assessment:
      'Źródła z 2015 r. nie mówią o mieszkaniach chronionych. MOPR, który się nimi opiekuje, wyróżniono w 2015 r. ' +
      'za kompleksową pomoc społeczną dostępną dla cudzoziemców.',
  },
  {
    awardKey2014: 'diversityManagement',
    status: 'expanded',
    assessment:
      INFERRED +
      'rozwinięte w miejską strategię dotyczącą różnorodności kulturowej oraz integracji imigrantów, wyróżnioną w 2015 r. ' +
      '(Prezydent Miasta Lublin, Kancelaria Prezydenta Miasta Lublin).',
  },
];

// ---- the 2015 migrant jury --------------------------------------------------------------

export interface DemoJuror {
  name: string;
  email: string;
  countryOfOrigin: string;
  /** The city the juror is tied to: a conflict of interest on its practices. */
  city: DemoCityName;
  locale: 'pl' | 'en' | 'uk';
}

const DOMAIN = 'demo.miastaotwarte.pl';

export const JURORS_2015: DemoJuror[] = [
  { name: 'Priscilla Rubia', email: `priscilla.rubia@${DOMAIN}`, countryOfOrigin: 'Kenya', city: 'Łódź', locale: 'en' },
  { name: 'Harris Mawusi', email: `harris.mawusi@${DOMAIN}`, countryOfOrigin: 'Ghana', city: 'Gdańsk', locale: 'en' },
  { name: 'Jose Torres', email: `jose.torres@${DOMAIN}`, countryOfOrigin: 'Cuba', city: 'Wrocław', locale: 'pl' },
  { name: 'Edward Krajczyński', email: `edward.krajczynski@${DOMAIN}`, countryOfOrigin: 'Ukraine', city: 'Lublin', locale: 'uk' },
  { name: 'Ngo Hoang Minh', email: `ngo.hoang.minh@${DOMAIN}`, countryOfOrigin: 'Vietnam', city: 'Warszawa', locale: 'pl' },
];

// ---- the Demo edition ----------------------------------------------------------------------

/**
 * A made-up edition for trying the workflow from the expert's side: reports open, no report yet.
 * Its year is the current one at seeding (after 2015, so its follow-ups are of 2015's
 * distinctions); deadlines and the ceremony are relative to the day of seeding.
 */
export const DEMO_EDITION = {
  name: 'Edycja demonstracyjna / Demo edition',
  categoryKeys: ['strategy', 'cityOfficesEmployment', 'universities', 'socialAssistance', 'servicePoint'],
  expertCities: ['Lublin', 'Kraków'] as DemoCityName[],
  reportsDueInDays: 28,
  scoringDueInDays: 56,
  ceremonyInDays: 70,
  deadlineTime: '23:59',
  ceremonyTime: '15:30',
  timeZone: 'Europe/Warsaw',
  ceremonyVenue: 'Sala demonstracyjna (przykład)',
  ceremonyCity: 'Lublin' as DemoCityName,
} as const;

// ---- demo accounts -------------------------------------------------------------------------

/** The one password of every demo account (≥ 12 characters). For local use only. */
export const DEMO_PASSWORD = 'miasta-otwarte-demo';
export const DEMO_EMAIL_DOMAIN = DOMAIN;

export type DemoEditionKey = '2014' | '2015' | 'demo';

export type DemoGrant =
  | { role: 'coordinator' }
  | { role: 'expert'; edition: DemoEditionKey; city: DemoCityName }
  | { role: 'juror'; edition: DemoEditionKey; juror: DemoJuror }
  | { role: 'cityOfficial'; city: DemoCityName };

export interface DemoAccount {
  email: string;
  name: string;
  locale: 'pl' | 'en' | 'uk';
  role: Role;
  note: string;
  grants: DemoGrant[];
}

const slugOf = (city: DemoCityName) => DEMO_CITIES.find((c) => c.name === city)!.slug;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: `koordynator@${DOMAIN}`,
    name: 'Koordynator (demo)',
    locale: 'pl',
    role: 'coordinator',
    note: 'runs every edition',
    grants: [{ role: 'coordinator' }],
  },
  ...DEMO_EDITION.expertCities.map(
    (city): DemoAccount => ({
      email: `ekspert.${slugOf(city)}@${DOMAIN}`,
      name: `Ekspert – ${city} (demo)`,
      locale: 'pl',
      role: 'expert',
      note: `Demo edition, ${city}: writes the report`,
      grants: [{ role: 'expert', edition: 'demo', city }],
    }),
  ),
  ...JURORS_2015.map(
    (juror): DemoAccount => ({
      email: juror.email,
      name: juror.name,
      locale: juror.locale,
      role: 'juror',
      note: `2015 and Demo edition jurors, ${juror.countryOfOrigin}, tied to ${juror.city}`,
      grants: [
        { role: 'juror', edition: '2015', juror },
        { role: 'juror', edition: 'demo', juror },
      ],
    }),
  ),
  ...(['Lublin', 'Kraków'] as DemoCityName[]).map(
    (city): DemoAccount => ({
      email: `urzednik.${slugOf(city)}@${DOMAIN}`,
      name: `Urzędnik – ${city} (demo)`,
      locale: 'pl',
      role: 'cityOfficial',
      note: `official of ${city}`,
      grants: [{ role: 'cityOfficial', city }],
    }),
  ),
  ...EXPERT_CITIES_2015.map(
    (city): DemoAccount => ({
      email: `ekspert2015.${slugOf(city)}@${DOMAIN}`,
      name: `Ekspert 2015 – ${city} (demo)`,
      locale: 'pl',
      role: 'expert',
      note: `2015 expert of ${city}${city === 'Lublin' ? ' (the submitted Lublin report)' : ''}`,
      grants: [{ role: 'expert', edition: '2015', city }],
    }),
  ),
];
