// Settings both jest projects share. Jest in CommonJS mode; TypeScript and the ESM-only packages are compiled by @swc/jest.
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
    '^@app/(core|domain|testing|api|worker)$': '<rootDir>/libs/$1/src',
    '^@app/(core|domain|testing|api|worker)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};

module.exports = { shared };
