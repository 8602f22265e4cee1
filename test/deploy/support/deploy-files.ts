import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository root (this file lives in test/deploy/support). */
export const REPO_ROOT = resolve(__dirname, '../../..');
export const K8S_DIR = join(REPO_ROOT, 'docker/k8s');

/** The compiled entry points, relative to the image's working directory (and to the repo root). */
export const MAIN_JS = 'dist/apps/wallet-api/apps/wallet-api/src/main.js';
export const CLI_JS = 'dist/apps/wallet-api/apps/wallet-api/src/cli.js';

export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

/** Every document of a YAML file as plain data; a syntax error or a duplicate key fails the test. */
export function readYamlDocuments(path: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(path, 'utf8'), { uniqueKeys: true });
  if (!Array.isArray(documents)) return []; // an empty file
  return documents.map((document, index) => {
    const problem = document.errors[0] ?? document.warnings[0];
    if (problem) throw new Error(`${path}, document ${index + 1}: ${problem.message}`);
    return document.toJS({ maxAliasCount: 0 }) as unknown;
  });
}

export function readYaml<T>(path: string): T {
  const documents = readYamlDocuments(path);
  if (documents.length !== 1) throw new Error(`${path}: expected one YAML document, found ${documents.length}`);
  return documents[0] as T;
}

/** The YAML files of docker/k8s, by file name. */
export function k8sFiles(): string[] {
  return readdirSync(K8S_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
}

/**
 * Compose-style interpolation (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$$`) against the
 * given environment, so tests can see the values `docker-compose up` would use.
 */
export function interpolate(value: string, env: Record<string, string | undefined> = {}): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g,
    (match, name?: string, op?: string, fallback?: string) => {
      if (match === '$$') return '$';
      const given = env[name as string];
      if (op === ':-') return given ? given : (fallback ?? '');
      if (op === '-') return given ?? fallback ?? '';
      return given ?? '';
    },
  );
}

/** Milliseconds in a Go/compose duration such as `30s`, `1m30s` or `1500ms`. */
export function durationMs(value: string): number {
  const unit: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(us|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) throw new Error(`not a duration: ${value}`);
  return parts.reduce((sum, [, amount, u]) => sum + Number(amount) * (unit[u as string] ?? Number.NaN), 0);
}
