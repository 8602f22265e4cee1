// @ts-check
/**
 * Builds the SDK package: ES modules into dist/esm and CommonJS into dist/cjs (each with its .d.ts
 * and a package.json saying which it is), from the same sources, with the repository's TypeScript.
 * `npm run sdk:build` from the repository root; `npm pack` in libs/sdk runs it too (prepack).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const SDK = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const TARGETS = [
  { dir: 'esm', type: 'module', flags: ['--module', 'es2022', '--moduleResolution', 'bundler'] },
  { dir: 'cjs', type: 'commonjs', flags: ['--module', 'commonjs', '--moduleResolution', 'bundler'] },
];

await rm(`${SDK}dist`, { recursive: true, force: true });
for (const target of TARGETS) {
  const out = `${SDK}dist/${target.dir}`;
  const result = spawnSync(process.execPath, [tsc, '-p', `${SDK}tsconfig.build.json`, '--outDir', out, ...target.flags], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  await mkdir(out, { recursive: true });
  await writeFile(`${out}/package.json`, `${JSON.stringify({ type: target.type })}\n`);
}
process.stderr.write(`built ${SDK}dist (esm, cjs)\n`);
