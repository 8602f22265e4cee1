// @ts-check
/**
 * Generates the SDK's types (libs/sdk/src/generated/schema.ts) from the committed openapi.json
 * with openapi-typescript. `npm run sdk:generate` writes the file; `--check` only compares and
 * exits 1 when the file is not what openapi.json generates (the contract test runs it).
 *
 * A script rather than the openapi-typescript CLI so that the check and the generation share one
 * set of options and one header.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const ROOT = new URL('../../../', import.meta.url);
const DOCUMENT = new URL('openapi.json', ROOT);
const TARGET = new URL('libs/sdk/src/generated/schema.ts', ROOT);

const HEADER = `/**
 * Generated from openapi.json by \`npm run sdk:generate\` (openapi-typescript). Do not edit:
 * change the controllers or DTOs, then run \`npm run openapi\` (which also regenerates this file).
 */

`;

/** The generated module's text for the document as it is on disk. */
export async function generateSchema() {
  const document = JSON.parse(await readFile(DOCUMENT, 'utf8'));
  // Amounts are digit strings in every response and typed as such: no option may turn them into numbers.
  const ast = await openapiTS(document, { alphabetize: false, exportType: false, defaultNonNullable: true });
  return HEADER + astToString(ast);
}

async function main() {
  const generated = await generateSchema();
  const target = fileURLToPath(TARGET);
  if (process.argv.includes('--check')) {
    const current = await readFile(TARGET, 'utf8').catch(() => '');
    if (current !== generated) {
      process.stderr.write(`${target} is not up to date with openapi.json: run \`npm run sdk:generate\` and commit it.\n`);
      process.exit(1);
    }
    process.stdout.write(`${target} is up to date\n`);
    return;
  }
  await writeFile(TARGET, generated);
  process.stdout.write(`wrote ${target}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
