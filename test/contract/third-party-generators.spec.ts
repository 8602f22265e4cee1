import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, run } from './contract-paths';

const USAGE = join(ROOT, 'test/contract/generators');

/** Strict, no @types: only what the generated code and the usage scripts bring, plus DOM's fetch. */
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['ES2023', 'DOM'],
    types: [],
    noEmit: true,
    skipLibCheck: false,
  },
  include: ['*.ts', 'hey-api/**/*.ts', 'orval/**/*.ts'],
};

/**
 * Clients generated from openapi.json by third-party generators (the versions that run on Node 20)
 * compile under `tsc --strict` together with a session written against each
 * (test/contract/generators/*.usage.ts), whose `@ts-expect-error` lines fail the check when the
 * document loses a discriminator `mapping` or a closed request body. And Redocly's recommended
 * rules find nothing (the few exemptions are in .redocly.lint-ignore.yaml, each an operation that
 * takes no input and so has no 4xx to declare).
 */
describe('openapi.json with third-party tools', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'dino-generators-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('@hey-api/openapi-ts and orval generate clients that compile under tsc --strict with a session using each', async () => {
    const hey = await run(join(BIN, 'openapi-ts'), [
      '-i',
      './openapi.json',
      '-o',
      join(work, 'hey-api'),
      '-c',
      '@hey-api/client-fetch',
    ]);
    expect({ code: hey.code, stderr: hey.stderr }).toEqual({ code: 0, stderr: '' });
    const orval = await run(join(BIN, 'orval'), [
      '--input',
      './openapi.json',
      '--output',
      join(work, 'orval/api.ts'),
      '--client',
      'fetch',
    ]);
    expect({ code: orval.code, stderr: orval.stderr.replace(/^.*EBADENGINE.*$/gm, '').trim() }).toEqual({ code: 0, stderr: '' });

    for (const file of ['hey-api.usage.ts', 'orval.usage.ts']) await copyFile(join(USAGE, file), join(work, file));
    await writeFile(join(work, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    const tsc = await run(join(BIN, 'tsc'), ['-p', join(work, 'tsconfig.json'), '--pretty', 'false']);
    expect(tsc.stdout.trim() + tsc.stderr.trim()).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('@redocly/cli lint (recommended rules) reports no error and no warning', async () => {
    const result = await run(join(BIN, 'redocly'), ['lint', 'openapi.json', '--format', 'json']);
    const report = JSON.parse(result.stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
    };
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(result.code).toBe(0);
  });
});
