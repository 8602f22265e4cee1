// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries. A lib is used through its index only (`@app/<lib>`: never `@app/<lib>/…`,
 * never a relative path into another lib), and only along these edges — today's imports, made
 * explicit. An edge not listed is an error; adding one is a design decision, taken here.
 *
 *   apps/wallet-api → wallets, ledger, idempotency, assets, api-keys, rate-limits, common
 *   wallets         → ledger, idempotency, assets, common
 *   ledger          → idempotency, assets, common
 *   idempotency     → common
 *   assets          → common
 *   api-keys        → rate-limits, common
 *   rate-limits     → common
 *   common          → database (the migrations, seed and grants it runs; `database/` is no lib)
 *   database, sdk   → nothing of ours (the SDK is published on its own)
 *   scripts         → any lib, through its index
 *
 * Nothing imports apps. A lib never imports its own index: inside a lib, siblings are imported
 * relatively (a barrel that imports itself yields undefined providers). Tests (`test/**`,
 * `*.spec.ts`) may import anything, deep paths included, to reach internals they test.
 */
const LIBS = ['api-keys', 'assets', 'common', 'database', 'idempotency', 'ledger', 'rate-limits', 'sdk', 'wallets'];
const EVERY_LIB = ['wallets', 'ledger', 'idempotency', 'assets', 'api-keys', 'rate-limits', 'common'];
/** folder → [its own alias (or null), the aliases it may import] */
const BOUNDARIES = {
  'apps/wallet-api': [null, EVERY_LIB],
  'libs/wallets': ['wallets', ['ledger', 'idempotency', 'assets', 'common']],
  'libs/ledger': ['ledger', ['idempotency', 'assets', 'common']],
  'libs/idempotency': ['idempotency', ['common']],
  'libs/assets': ['assets', ['common']],
  'libs/api-keys': ['api-keys', ['rate-limits', 'common']],
  'libs/rate-limits': ['rate-limits', ['common']],
  'libs/common': ['common', ['database']],
  'libs/sdk': ['sdk', []],
  database: ['database', []],
  scripts: [null, EVERY_LIB.concat('database')],
};

/** @param {string} folder @param {string | null} self @param {string[]} allowed */
function boundaryRule(folder, self, allowed) {
  const patterns = [
    {
      regex: '^@app/[^/]+/',
      message: 'Import a lib through its index (@app/<lib>), not a deep path: what the index does not export is internal.',
    },
    { regex: '^(\\.\\./){2,}(apps|libs)/', message: 'Import another lib through @app/<lib>; nothing imports apps.' },
    {
      regex: `^(\\.\\./){2,}(${LIBS.join('|')})/src(/|$)`,
      message: 'Import another lib through @app/<lib>, not a relative path.',
    },
    { regex: '^(\\.\\./){3,}database(/|$)', message: 'Import database/ through @app/database (only libs/common may).' },
  ];
  if (self) {
    patterns.push({
      regex: `^@app/${self}$`,
      message: 'Inside a lib, import siblings relatively: a barrel that imports itself yields undefined providers.',
    });
  }
  const forbidden = LIBS.filter((lib) => lib !== self && !allowed.includes(lib));
  if (forbidden.length > 0) {
    const may = allowed.length > 0 ? `only ${allowed.map((lib) => `@app/${lib}`).join(', ')}` : 'no other lib';
    patterns.push({
      regex: `^@app/(${forbidden.join('|')})$`,
      message: `${folder} may import ${may} (the boundary graph is at the top of eslint.config.mjs).`,
    });
  }
  return { files: [`${folder}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'libs/sdk/src/generated/**',
      'libs/sdk/dist/**',
      'test/contract/generators/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits can fail silently: in a ledger that is a lost write.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // TypeORM's internals (its pg Pool, a QueryRunner's client) are reached in one file only.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(driver|master|releasePostgresConnection)$/]',
          message:
            "TypeORM's internals are reached only in libs/common/src/database/typeorm-pg-pool.adapter.ts: use typeormPgPool() from @app/common.",
        },
      ],
    },
  },
  ...Object.entries(BOUNDARIES).map(([folder, [self, allowed]]) => boundaryRule(folder, self, allowed)),
  { files: ['libs/common/src/database/typeorm-pg-pool.adapter.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    // Tests may reach internals: deep imports, any lib, TypeORM's pool.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  prettier,
);
