import { Client } from 'pg';

/** Runs `work` with a client of its own on `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
