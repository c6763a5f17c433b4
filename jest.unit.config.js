// The unit project alone (also what mutation testing runs): the *.spec.ts beside the code, pure,
// no database or Redis. jest.config.js runs it next to the e2e project. `roots` keeps Jest's file
// crawl to the code (not node_modules): each of Stryker's many runs starts in a fraction of the time.
const { shared } = require('./jest.shared');

module.exports = {
  ...shared,
  displayName: 'unit',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
};
