import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { fileDatabasePrefix, testRun } from './test-run';

export default async function globalTeardown(): Promise<void> {
  if (testRun.embedded) {
    await testRun.embedded.stop();
    await rm(dirname(testRun.embedded.dataDir), { recursive: true, force: true });
    return;
  }
  if (testRun.adminUrl && testRun.template) {
    const admin = new Client({ connectionString: testRun.adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${testRun.template} WITH (FORCE)`);
      const leftovers = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [
        fileDatabasePrefix(String(process.pid)),
      ]);
      for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
