/**
 * A session written against the client @hey-api/openapi-ts generates from openapi.json (into
 * ./hey-api/ by test/contract/third-party-generators.spec.ts, then type-checked under `strict`).
 * It fails to compile if the document stops saying what the service does: `kind` must be the
 * literal `USER` / `SYSTEM` (a discriminator without `mapping` made it `never` here).
 */
import { createClient } from './hey-api/client/index.js';
import { createUser, getBalances, listUserTransactions, spend, topUp } from './hey-api/sdk.gen.js';
import type { ErrorCode, HistoryItemDto } from './hey-api/types.gen.js';

export async function session(baseUrl: string, secret: string): Promise<string[]> {
  const client = createClient({ baseUrl, headers: { Authorization: `Bearer ${secret}` } });
  const seen: string[] = [];

  const created = await createUser({ client, body: { username: `hey_${Date.now()}` } });
  if (created.error) throw new Error(`createUser: ${created.error.code}`);
  const userId: string = created.data.id;

  const topped = await topUp({
    client,
    body: { userId, assetCode: 'GOLD', amount: '100', metadata: { orderId: 'A-1' } },
    headers: { 'Idempotency-Key': `hey-${userId}-1` },
  });
  if (topped.error) throw new Error(`topUp: ${topped.error.code}`);
  const balanceAfter: string = topped.data.balanceAfter;
  seen.push(balanceAfter);
  for (const entry of topped.data.entries) {
    // Narrowed by the discriminator: name exists only on SYSTEM, userId on USER and HELD.
    if (entry.account.kind === 'SYSTEM') seen.push(entry.account.name);
    else seen.push(entry.account.userId);
    // @ts-expect-error the discriminator's values are USER, SYSTEM and HELD, never the schema names
    if (entry.account.kind === 'UserAccountRefDto') seen.push('impossible');
  }

  const refused = await spend({ client, body: { userId, assetCode: 'GOLD', amount: 1000 }, headers: { 'Idempotency-Key': `hey-${userId}-2` } });
  if (refused.error) {
    const code: ErrorCode = refused.error.code;
    if (code === 'INSUFFICIENT_FUNDS') seen.push(`${refused.error.balance ?? '?'} < ${refused.error.required ?? '?'}`);
  }

  // @ts-expect-error request bodies are closed: an unknown field does not compile
  await topUp({ client, body: { userId, assetCode: 'GOLD', amount: '1', colour: 'red' }, headers: { 'Idempotency-Key': 'x' } });

  const history = await listUserTransactions({ client, path: { userId }, query: { limit: 10, assetCode: 'GOLD' } });
  if (history.error) throw new Error(`history: ${history.error.code}`);
  const items: HistoryItemDto[] = history.data.data;
  for (const item of items) {
    const direction: 'CREDIT' | 'DEBIT' = item.direction;
    seen.push(`${direction} ${item.amount} ${item.counterparty.kind === 'SYSTEM' ? item.counterparty.name : item.counterparty.userId}`);
  }
  const balances = await getBalances({ client, path: { userId } });
  if (balances.data) seen.push(...balances.data.balances.map((b) => `${b.assetCode}=${b.balance}`));
  const then = await getBalances({ client, path: { userId }, query: { asOf: '2026-11-30T00:00:00.000Z' } });
  if (then.data) seen.push(`asOf ${then.data.asOf ?? ''}`);
  return seen;
}
