import { randomUUID } from 'node:crypto';
import { ledgerSnapshot } from '../support/ledger-invariants';
import { expectProblem } from '../support/problem-assertions';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Duplicate member names: API.md is silent, so this is the careful choice: an ambiguous body is
 * refused (400), whatever else it contains. (The service once parsed bodies with JSON.parse, which
 * keeps the last value, unless a digit followed by ".", "e" or "E" appeared anywhere — a UUID such
 * as "…528ede0e…" will do — so the answer depended on an unrelated detail; both kinds are tried.)
 */
describe('Bad input: duplicate keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a body with a duplicate member name, whichever parser reads it', async () => {
    const plain = /\d[.eE]/;
    const users = { plain: '', marked: '' };
    for (let i = 0; i < 200 && (!users.plain || !users.marked); i++) {
      const { id } = await t.client.createUser();
      if (plain.test(id)) users.marked ||= id;
      else users.plain ||= id;
    }
    for (const userId of [users.plain, users.marked]) {
      const before = await ledgerSnapshot(t.db);
      const res = await t.client
        .http()
        .post('/v1/topup')
        .set('Idempotency-Key', `dup-${randomUUID()}`)
        .set('Content-Type', 'application/json')
        .send(`{"userId":"${userId}","assetCode":"GOLD","amount":"1","amount":"7"}`);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(await ledgerSnapshot(t.db)).toEqual(before);
    }
  });
});
