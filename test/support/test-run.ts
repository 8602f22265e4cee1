import type { EmbeddedDatabase } from '@app/common';

/** Environment variables through which the global setup tells the test workers where to connect. */
export const TEST_ENV = {
  adminUrl: 'DINO_TEST_ADMIN_URL',
  template: 'DINO_TEST_TEMPLATE',
  runId: 'DINO_TEST_RUN_ID',
} as const;

/** Prefix of the per-file databases of one run, so teardown drops exactly those. */
export function fileDatabasePrefix(runId: string): string {
  return `dino_test_f${runId}_`;
}

/** State shared by the global setup and teardown (both run in jest's parent process). */
export const testRun: { embedded?: EmbeddedDatabase; adminUrl?: string; template?: string } = ((
  globalThis as { __dinoTestRun?: object }
).__dinoTestRun ??= {}) as never;
