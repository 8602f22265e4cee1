import { RUNTIME_SEQUENCE_GRANTS, RUNTIME_TABLE_GRANTS } from '@app/database';
import { TestDatabase } from '../support/test-database';

/**
 * database/runtime-grants.ts is the one list of what the service's role may do. A table added by
 * a migration without an entry there would be unusable by that role in production while every
 * test (run as the owner) passes: so every table of the migrated schema must have a decision — an
 * empty one included — and every entry must name something that exists.
 */
describe('Runtime grants (database/runtime-grants.ts)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await TestDatabase.create();
  });
  afterAll(() => db.drop());

  it('decide for every table and view of the schema', async () => {
    const relations = await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1`,
    );
    const undecided = relations.map((r) => r.name).filter((name) => !(name in RUNTIME_TABLE_GRANTS));
    expect({
      undecided,
      fix: undecided.length ? 'add an entry (privileges: [] for none) to database/runtime-grants.ts' : '',
    }).toEqual({ undecided: [], fix: '' });
  });

  it('name only tables, columns and sequences that exist', async () => {
    const columns = await db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    const existing = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const tables = new Set(columns.map((c) => c.table_name));
    const unknownTables = Object.keys(RUNTIME_TABLE_GRANTS).filter((t) => !tables.has(t));
    const unknownColumns = Object.entries(RUNTIME_TABLE_GRANTS)
      .flatMap(([t, g]) => (g.updateColumns ?? []).map((c) => `${t}.${c}`))
      .filter((c) => !existing.has(c));
    const sequences = await db.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relkind = 'S' AND relnamespace = current_schema()::regnamespace`,
    );
    const unknownSequences = RUNTIME_SEQUENCE_GRANTS.filter((s) => !sequences.some((x) => x.name === s));
    expect({ unknownTables, unknownColumns, unknownSequences }).toEqual({
      unknownTables: [],
      unknownColumns: [],
      unknownSequences: [],
    });
  });

  it('never grant UPDATE on a whole table or anything on the append-only journal beyond SELECT and INSERT', () => {
    for (const [table, grant] of Object.entries(RUNTIME_TABLE_GRANTS)) {
      expect({ table, privileges: grant.privileges.filter((p) => !['SELECT', 'INSERT', 'DELETE'].includes(p)) }).toEqual({
        table,
        privileges: [],
      });
    }
    for (const table of ['journal_transactions', 'journal_entries']) {
      expect({ table, ...RUNTIME_TABLE_GRANTS[table] }).toMatchObject({ table, privileges: ['SELECT', 'INSERT'] });
      expect(RUNTIME_TABLE_GRANTS[table].updateColumns ?? []).toEqual([]);
    }
  });
});
