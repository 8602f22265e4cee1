import { databaseErrorCode, databaseErrorConstraint } from './database-errors';

describe('database error fields', () => {
  // node-postgres' DatabaseError carries them itself; TypeORM's QueryFailedError wraps it as driverError.
  const pgError = Object.assign(new Error('duplicate key value'), { code: '23505', constraint: 'idempotency_keys_pkey' });
  const wrapped = Object.assign(new Error('query failed'), { driverError: pgError });

  it('reads the SQLSTATE and the constraint from the driver error, wrapped or not', () => {
    expect([databaseErrorCode(pgError), databaseErrorConstraint(pgError)]).toEqual(['23505', 'idempotency_keys_pkey']);
    expect([databaseErrorCode(wrapped), databaseErrorConstraint(wrapped)]).toEqual(['23505', 'idempotency_keys_pkey']);
  });

  it('finds nothing on other errors and values', () => {
    for (const other of [new Error('boom'), 'text', null, undefined, { code: 42 }]) {
      expect(databaseErrorCode(other)).toBeUndefined();
      expect(databaseErrorConstraint(other)).toBeUndefined();
    }
  });
});
