// The unit project alone (also what mutation testing runs): the *.spec.ts beside the code, pure,
// no database or Redis. jest.config.js runs it next to the e2e project.
const { shared } = require('./jest.shared');

module.exports = { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] };
