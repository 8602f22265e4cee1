import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN, ROOT, run } from './contract-paths';

interface SpectralResult {
  readonly code: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
  readonly severity: number;
}

/**
 * The lint gate of `npm run openapi:lint` (spectral:oas plus our rules in .spectral.yaml), with
 * zero findings of any severity, and an independent check that the document is valid OpenAPI 3.
 */
describe('openapi.json lint gate', () => {
  it('passes spectral (.spectral.yaml) with zero findings', async () => {
    const result = await run(join(BIN, 'spectral'), ['lint', 'openapi.json', '--format', 'json', '--quiet']);
    const findings = JSON.parse(result.stdout || '[]') as SpectralResult[];
    const report = findings.map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`);
    expect(report).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('is valid OpenAPI 3.0 (Redocly structural validation, independent of spectral)', async () => {
    const { createConfig, lintFromString } = await import('@redocly/openapi-core');
    const config = await createConfig({ rules: { struct: 'error', 'no-unresolved-refs': 'error' } });
    const source = await readFile(join(ROOT, 'openapi.json'), 'utf8');
    const problems = await lintFromString({ source, absoluteRef: join(ROOT, 'openapi.json'), config });
    const report = problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
    expect(report).toEqual([]);
    expect(JSON.parse(source)).toMatchObject({ openapi: expect.stringMatching(/^3\.0\.\d+$/) });
  });
});
