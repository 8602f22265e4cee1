/**
 * What the service's own database role may do, table by table: the one list of runtime
 * privileges. The set-up (after the migrations, as the tables' owner) makes the runtime role's
 * privileges exactly these — anything else it held is revoked — whenever the service logs in as a
 * role other than the migrations' (MIGRATION_DATABASE_URL). Every table needs an entry, an empty
 * one included: `test/integration/runtime-grants.int-spec.ts` fails for a table without one.
 *
 * The runtime role never owns a table, so it can neither ALTER a table nor disable its triggers
 * (the append-only and balanced-journal guards); and it may UPDATE only the columns listed here.
 */
export interface RuntimeTableGrant {
  /** Table-level privileges. UPDATE is never table-level: list its columns in `updateColumns`. */
  readonly privileges: ReadonlyArray<'SELECT' | 'INSERT' | 'DELETE'>;
  /** The only columns the service may UPDATE. Locking rows (FOR UPDATE) also needs one of them. */
  readonly updateColumns?: readonly string[];
  /** Which statements need these privileges (or why none). */
  readonly why: string;
}

export const RUNTIME_TABLE_GRANTS: Readonly<Record<string, RuntimeTableGrant>> = {
  assets: { privileges: ['SELECT'], why: 'the catalogue is read; only the seed writes it' },
  users: { privileges: ['SELECT', 'INSERT'], why: 'sign-up and look-ups' },
  accounts: {
    privileges: ['SELECT', 'INSERT'],
    updateColumns: ['balance'],
    why: 'accounts are created on first use; postings lock them (FOR UPDATE) and set the balance',
  },
  journal_transactions: { privileges: ['SELECT', 'INSERT'], why: 'append-only: postings insert, history and verify read' },
  journal_entries: { privileges: ['SELECT', 'INSERT'], why: 'append-only: postings insert, history and verify read' },
  idempotency_keys: {
    privileges: ['SELECT', 'INSERT', 'DELETE'],
    why: 'records are written once, with the stored response (never updated), and purged after the retention',
  },
  api_keys: {
    privileges: ['SELECT', 'INSERT'],
    updateColumns: ['revoked_at', 'last_used_at'],
    why: 'keys are made, looked up by hash, revoked (the row stays, for attribution) and marked as used; never deleted',
  },
  ledger_verify_checkpoints: {
    privileges: ['SELECT', 'INSERT'],
    updateColumns: [
      'last_journal_id',
      'last_entry_id',
      'journals',
      'entries',
      'credits',
      'debits',
      'revision',
      'verified_at',
      'failed_at',
    ],
    why: 'the verification reads its checkpoints, makes one per asset and moves or marks it; never deleted by the service',
  },
  holds: {
    privileges: ['SELECT', 'INSERT'],
    updateColumns: ['status', 'captured_amount', 'capture_to_user_id', 'finished_at', 'release_journal_id', 'capture_journal_id'],
    why: 'holds are authorized (insert), settled once (the status columns) and read; never deleted',
  },
  transfer_daily_outflows: {
    privileges: ['SELECT', 'INSERT'],
    updateColumns: ['amount'],
    why: "transfers under TRANSFER_DAILY_LIMIT read and add to the sender's total of the day (upsert)",
  },
  schema_migrations: { privileges: ['SELECT'], why: 'with DB_AUTO_SETUP=false the service checks that no migration is pending' },
};

/**
 * Sequences (USAGE): the journal ids the service draws itself with nextval() (identity columns need
 * no grant to insert), and the entries' identity sequence, whose last value the verification reads
 * with pg_sequence_last_value() (its watermark).
 */
export const RUNTIME_SEQUENCE_GRANTS: readonly string[] = ['journal_transactions_id_seq', 'journal_entries_id_seq'];
