// Mutation testing of the rules (npm run test:mutation): StrykerJS changes the code of each file
// below one small way at a time and runs the fast unit specs (jest.unit.config.js, no database);
// a change no spec notices ("survived") is a rule nothing checks. Report: reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.unit.config.js', enableFindRelatedTests: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Static mutants (decorator arguments, constant tables evaluated at load) need every spec re-run
  // per mutant: 13% of the mutants for three quarters of the time. Left out; their rules are checked
  // by the same specs (e.g. every config message and bound in app-config.spec.ts).
  ignoreStatic: true,
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
    'libs/core/src/throttling/sign-in-backoff.ts',
    'libs/core/src/http/hostile-input.ts',
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
