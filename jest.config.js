const { shared } = require('./jest.shared');

// Two projects: `unit` (the *.spec.ts next to the code: pure, no database, no Redis, seconds; also what
// mutation testing runs) and `e2e` (test/**, each file on its own PostgreSQL database from a template).
// `npm test` runs both; `npm run test:unit` only the first.
module.exports = {
  projects: [
    require('./jest.unit.config'),
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.js',
      globalTeardown: '<rootDir>/test/global-teardown.js',
    },
  ],
  testTimeout: 60000,
  // Two files at a time (each e2e file has its own database, queue prefix and ports): the suite fits
  // in CI's 15 minutes on two cores, where one file at a time took ~23 (measured: 2,029 s of files).
  maxWorkers: 2,
};
