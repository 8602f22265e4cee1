import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './contract-paths';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * docs/API.md (the contract, in the repository) and openapi.json (what the code serves) stay in
 * step: every operation and every error code of the document is named in API.md, so a new route
 * or code cannot land undocumented there.
 */
describe('docs/API.md and openapi.json', () => {
  let apiMd: string;
  let document: {
    paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
    components: { schemas: { ErrorCode: { enum: string[] } } };
  };

  beforeAll(async () => {
    apiMd = await readFile(join(ROOT, 'docs/API.md'), 'utf8');
    document = JSON.parse(await readFile(join(ROOT, 'openapi.json'), 'utf8'));
  });

  it('names every operation of openapi.json as `METHOD path`', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m] !== undefined).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(15);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The method and the path may be split over two lines of the Markdown source.
    const missing = operations.filter((op) => {
      const [method, path] = op.split(' ');
      return !new RegExp(`${method}\\s+${escape(path)}(?![\\w/{-])`).test(apiMd);
    });
    expect(missing).toEqual([]);
  });

  it('lists every error code of openapi.json in its table of codes', () => {
    const missing = document.components.schemas.ErrorCode.enum.filter((code) => !apiMd.includes(`| \`${code}\` |`));
    expect(missing).toEqual([]);
  });
});
