import { AppConfig, loadAppConfig } from '@app/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/wallet-api/src/create-app';
import { TEST_CURSOR_SECRET, TEST_LIMITS, TEST_MASTER_KEY } from './auth';
import { TestDatabase } from './test-database';
import { WalletClient } from './wallet-client';

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly db: TestDatabase;
  readonly config: AppConfig;
  /** Base URL of the listening server, for supertest. */
  readonly url: string;
  readonly client: WalletClient;
  close(): Promise<void>;
}

/**
 * The application exactly as production builds it (same module, pipes, filters, middleware),
 * listening on a free port, on a database of its own.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await TestDatabase.create();
  const config = loadAppConfig({
    DATABASE_URL: db.url,
    LOG_LEVEL: 'fatal',
    DATABASE_POOL_SIZE: '10',
    API_MASTER_KEY: TEST_MASTER_KEY,
    CURSOR_SECRET: TEST_CURSOR_SECRET,
    ...TEST_LIMITS,
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (typeof address !== 'object' || address === null) throw new Error('the test server has no address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    db,
    config,
    url,
    client: new WalletClient(url),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
