import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILT_APP, ROOT, run } from './contract-paths';

/**
 * The committed openapi.json and the SDK generated from it must be what the code produces, so
 * that changing a controller or a DTO without regenerating fails CI.
 *
 * The document is generated in memory exactly as `npm run openapi` does, from the built
 * application in dist/: the swagger CLI plugin (which reads DTO comments and `?` optionality)
 * runs in `nest build`, not in jest's swc transform. `npm test` builds first; after a change,
 * run `npm run build` before running this file alone.
 */
describe('OpenAPI document and SDK drift', () => {
  it('openapi.json is what the code generates', async () => {
    const generated = `${JSON.stringify(await generateDocument(), null, 2)}\n`;
    const committed = await readFile(join(ROOT, 'openapi.json'), 'utf8');
    if (generated !== committed) {
      throw new Error(
        `openapi.json is out of date with the controllers and DTOs: run \`npm run openapi\` (it also regenerates ` +
          `the SDK types) and commit openapi.json and libs/sdk/src/generated.\n${firstDifference(committed, generated)}`,
      );
    }
  });

  it('the SDK types (libs/sdk/src/generated/schema.ts) are what openapi.json generates', async () => {
    const result = await run(process.execPath, [join(ROOT, 'libs/sdk/scripts/generate-schema.mjs'), '--check']);
    if (result.code !== 0) {
      throw new Error(`${result.stderr.trim()}\n(\`npm run sdk:generate\` regenerates the SDK types from openapi.json.)`);
    }
  });

  it('the service never imports the SDK', async () => {
    const importsSdk = `['"](@app/sdk|[^'"]*/libs/sdk)(/[^'"]*)?['"]`;
    const dirs = [join(ROOT, 'apps'), join(ROOT, 'libs'), join(ROOT, 'database')];
    const result = await run('grep', ['-rlE', importsSdk, ...dirs, '--include=*.ts', '--exclude-dir=sdk']);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([]);
  });
});

async function generateDocument(): Promise<OpenAPIObject> {
  // The built modules, as the CLI loads them (paths computed at run time: jest must not map them).
  /* eslint-disable @typescript-eslint/no-require-imports -- dynamic paths into dist/ */
  const { AppModule } = require(join(BUILT_APP, 'apps/wallet-api/src/app.module.js')) as {
    AppModule: { forRoot(config: unknown): never };
  };
  const { buildOpenApiDocument } = require(join(BUILT_APP, 'apps/wallet-api/src/openapi.js')) as {
    buildOpenApiDocument(app: INestApplication): OpenAPIObject;
  };
  const { loadAppConfig } = require(join(BUILT_APP, 'libs/common/src/index.js')) as {
    loadAppConfig(env: Record<string, string>, options: { requireSecrets: boolean }): unknown;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const config = loadAppConfig({ DATABASE_URL: 'postgres://openapi@localhost/none' }, { requireSecrets: false });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The first line that differs, with a little context, so the failure says what changed. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line++;
  const context = (lines: string[]) => lines.slice(Math.max(0, line - 3), line + 3).join('\n');
  return `first difference at line ${line + 1}:\n--- committed\n${context(a)}\n+++ generated\n${context(b)}`;
}
