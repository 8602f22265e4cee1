// @ts-check
const { readFileSync } = require('node:fs');

/** Module aliases derived once from tsconfig `paths` (so jest and tsc cannot disagree). */
function moduleNameMapper() {
  /** @type {Record<string, string>} */
  const mapper = {};
  for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
    const from = `^${alias.replace('/*', '/(.*)')}$`;
    mapper[from] = `<rootDir>/${target.replace('./', '').replace('/*', '/$1')}`;
  }
  return mapper;
}

const tsconfig = JSON.parse(readFileSync(`${__dirname}/tsconfig.json`, 'utf8'));

/** @type {import('@swc/jest').Options} */
const swc = {
  jsc: {
    // Aliases are also compiled away, for the global setup, which runs outside jest's module registry.
    baseUrl: __dirname,
    paths: tsconfig.compilerOptions.paths,
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** NestJS 12 ships ESM only: compile it to CommonJS with our code. */
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|load-esm|uid)/)'],
  // The SDK's sources import siblings as './x.js' (what its ES-module build needs): map them to the .ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', ...moduleNameMapper() },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  transform: common.transform,
  transformIgnorePatterns: common.transformIgnorePatterns,
  // One PostgreSQL for the whole run (DATABASE_URL, or an embedded one), a migrated template
  // database in it, and a fresh database cloned from the template for every test file.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
    // The OpenAPI document and the SDK: drift, lint gate, strict type-check (no database needed).
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.spec.ts'] },
    {
      // Offline checks of docker/ and docker-compose.yml. kubernetes-models is ESM only: resolve
      // it with the `import` condition and compile it to CommonJS like @nestjs.
      ...common,
      displayName: 'deploy',
      testMatch: ['<rootDir>/test/deploy/**/*.spec.ts'],
      resolver: '<rootDir>/test/deploy/support/esm-condition-resolver.js',
      transformIgnorePatterns: [
        '/node_modules/(?!(@nestjs|file-type|load-esm|uid|kubernetes-models|@kubernetes-models|is-cidr|cidr-regex)/)',
      ],
    },
  ],
};
