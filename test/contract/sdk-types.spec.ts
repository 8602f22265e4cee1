import { join } from 'node:path';
import { BIN, run } from './contract-paths';

/**
 * jest (swc) strips types without checking them, so the SDK and its e2e test are type-checked
 * here under `strict` (tsconfig.sdk.json). The e2e test's `@ts-expect-error` lines make this fail
 * when the SDK's types stop catching a wrong field name.
 */
describe('SDK type-check', () => {
  it('libs/sdk and test/e2e/sdk.e2e-spec.ts compile under strict', async () => {
    const result = await run(join(BIN, 'tsc'), ['-p', 'tsconfig.sdk.json', '--pretty', 'false']);
    expect(result.stdout.trim() + result.stderr.trim()).toBe('');
    expect(result.code).toBe(0);
  });
});
