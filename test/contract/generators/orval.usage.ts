/**
 * A session written against the fetch client orval generates from openapi.json (into
 * ./orval/api.ts by test/contract/third-party-generators.spec.ts, then type-checked under `strict`).
 */
import { createUser, getBalances, listUserTransactions, spend, topUp } from './orval/api.js';

export async function session(secret: string): Promise<string[]> {
  const auth = { headers: { Authorization: `Bearer ${secret}` } };
  const seen: string[] = [];

  const created = await createUser({ username: `orval_${Date.now()}` }, auth);
  if (created.status !== 201) throw new Error(`createUser: ${created.data.code}`);
  const userId: string = created.data.id;

  const topped = await topUp(
    { userId, assetCode: 'GOLD', amount: '100' },
    { headers: { ...auth.headers, 'Idempotency-Key': `orval-${userId}-1` } },
  );
  if (topped.status !== 201) throw new Error(`topUp: ${topped.data.code}`);
  for (const entry of topped.data.entries) {
    if (entry.account.kind === 'SYSTEM') seen.push(entry.account.name);
    else seen.push(entry.account.userId);
    // @ts-expect-error the discriminator's values are USER, SYSTEM and HELD, never the schema names
    if (entry.account.kind === 'SystemAccountRefDto') seen.push('impossible');
  }

  const refused = await spend({ userId, assetCode: 'GOLD', amount: 1000 }, { headers: { ...auth.headers, 'Idempotency-Key': `orval-${userId}-2` } });
  if (refused.status === 422 && refused.data.code === 'INSUFFICIENT_FUNDS') seen.push(`${refused.data.balance} < ${refused.data.required}`);

  // @ts-expect-error request bodies are closed: an unknown field does not compile
  await topUp({ userId, assetCode: 'GOLD', amount: '1', colour: 'red' });

  const history = await listUserTransactions(userId, { limit: 10 }, auth);
  if (history.status === 200) {
    for (const item of history.data.data) seen.push(`${item.direction} ${item.amount} ${item.balanceAfter}`);
  }
  // The query parameters come before the request options in orval's signatures.
  const balances = await getBalances(userId, {}, auth);
  if (balances.status === 200) seen.push(...balances.data.balances.map((b) => `${b.assetCode}=${b.balance}`));
  const then = await getBalances(userId, { asOf: '2026-11-30T00:00:00.000Z' }, auth);
  if (then.status === 200) seen.push(`asOf ${then.data.asOf ?? ''}`);
  return seen;
}
