// Mutation testing of the rules (npm run test:mutation): StrykerJS changes the code of each file
// below one small way at a time and runs the fast unit specs (jest.unit.config.js, no database);
// a change no spec notices ("survived") is a rule nothing checks. Report: reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.unit.config.js', enableFindRelatedTests: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'libs/domain/src/editions/edition-stage.ts',
    'libs/domain/src/jury/criteria.ts',
    'libs/domain/src/jury/krippendorff.ts',
    'libs/domain/src/jury/csv.ts',
    'libs/domain/src/notifications/delivery-policy.ts',
    'libs/domain/src/accounts/passwords.ts',
    'libs/core/src/config/app-config.ts',
    'libs/core/src/auth/access.guard.ts',
    'libs/core/src/errors/http-exception.filter.ts',
  ],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  concurrency: 2,
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
