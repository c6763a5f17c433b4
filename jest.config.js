// Jest in CommonJS mode; TypeScript and the ESM-only packages are compiled by @swc/jest.
const esmPackages = [
  '@nestjs', 'file-type', 'strtok3', 'token-types', 'peek-readable', 'uint8array-extras', '@tokenizer',
  '@bull-board', 'content-disposition', '@borewit',
].join('|');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages})/)`],
  moduleNameMapper: {
    '^@app/(core|domain|testing)$': '<rootDir>/libs/$1/src',
    '^@app/(core|domain|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};

// Two projects: `unit` (the *.spec.ts next to the code: pure, no database, no Redis, seconds; also what
// mutation testing runs) and `e2e` (test/**, each file on its own PostgreSQL database from a template).
// `npm test` runs both; `npm run test:unit` only the first.
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.js',
      globalTeardown: '<rootDir>/test/global-teardown.js',
    },
  ],
  testTimeout: 60000,
  maxWorkers: 2,
};
