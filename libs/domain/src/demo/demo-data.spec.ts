// The demo data's internal consistency: every key it refers to exists, Lublin's 2015 practices sit
// in categories 1, 2, 3, 3, 4, 5, and the accounts are unique and can sign in under the policy.
import { assertPasswordPolicy } from '../accounts/passwords';
import { DEMO_ACCOUNTS, DEMO_CITIES, DEMO_EDITION, DEMO_PASSWORD, EDITION_2014, EDITION_2015, FOLLOW_UPS_2015, HistoricEdition, JURORS_2015 } from './demo-data';

describe.each([
  ['2014', EDITION_2014],
  ['2015', EDITION_2015],
])('the %s edition', (_year, edition: HistoricEdition) => {
  const categoryKeys = edition.categories.map((category) => category.key);
  const practiceKeys = edition.practices.map((practice) => practice.key);

  it('refers only to its own categories and practices', () => {
    expect(new Set(categoryKeys).size).toBe(categoryKeys.length);
    expect(new Set(practiceKeys).size).toBe(practiceKeys.length);
    for (const practice of edition.practices) for (const key of practice.categoryKeys) expect(categoryKeys).toContain(key);
    for (const award of edition.awards) {
      for (const key of award.categoryKeys) expect(categoryKeys).toContain(key);
      for (const key of award.practiceKeys) expect(practiceKeys).toContain(key);
      // An award's categories are those of its practices.
      const practiceCategories = new Set(award.practiceKeys.flatMap((key) => edition.practices.find((p) => p.key === key)!.categoryKeys));
      expect(new Set(award.categoryKeys)).toEqual(practiceCategories);
    }
  });

  it('gives every category a Polish name and English and Ukrainian translations', () => {
    for (const category of edition.categories) {
      expect(category.name.normalize('NFC')).toBe(category.name);
      expect(category.translations.en).toMatch(/^[A-Z]/);
      expect(category.translations.uk).toMatch(/^[А-ЯІЇЄҐ]/);
    }
  });
});

describe('the 2015 facts', () => {
  it('map Lublin’s six practices to categories 1, 2, 3, 3, 4, 5 and the President’s award to all six', () => {
    const position = (key: string) => EDITION_2015.categories.findIndex((category) => category.key === key) + 1;
    expect(EDITION_2015.categories).toHaveLength(11);
    expect(EDITION_2015.practices.map((practice) => practice.categoryKeys.map(position))).toEqual([[1], [2], [3], [3], [4], [5]]);
    expect(EDITION_2015.awards).toHaveLength(6);
    expect(EDITION_2015.awards[0].practiceKeys).toEqual(EDITION_2015.practices.map((practice) => practice.key));
  });

  it('follow up each 2014 distinction once', () => {
    expect(FOLLOW_UPS_2015.map((followUp) => followUp.awardKey2014).sort()).toEqual(EDITION_2014.awards.map((award) => award.key).sort());
  });

  it('tie every juror to one of the demo cities', () => {
    const cities = DEMO_CITIES.map((city) => city.name);
    for (const juror of JURORS_2015) expect(cities).toContain(juror.city);
    expect(cities).toContain(DEMO_EDITION.ceremonyCity);
  });
});

describe('the demo accounts', () => {
  it('have unique ASCII addresses on the demo domain and a password the policy accepts', () => {
    const emails = DEMO_ACCOUNTS.map((account) => account.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) {
      expect(email).toMatch(/^[a-z0-9.]+@demo\.miastaotwarte\.pl$/);
      expect(() => assertPasswordPolicy(DEMO_PASSWORD, email)).not.toThrow();
    }
  });

  it('cover every role', () => {
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.role))).toEqual(new Set(['coordinator', 'expert', 'juror', 'cityOfficial']));
  });
});
