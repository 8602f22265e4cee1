import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { JournalCheckByKey1764000000001 } from './migrations/1764000000001-journal-check-by-key';
import { AccessControl1764000000002 } from './migrations/1764000000002-access-control';
import { LedgerVerifyCheckpoints1764000000030 } from './migrations/1764000000030-ledger-verify-checkpoints';
import { BalancesAsOfIndexes1764000000040 } from './migrations/1764000000040-balances-as-of-indexes';
import { RefundsAndHolds1764000000050 } from './migrations/1764000000050-refunds-and-holds';
import { EntriesCheckedByTrigger1764000000060 } from './migrations/1764000000060-entries-checked-by-trigger';
import { SingleFlightBatches1764000000070 } from './migrations/1764000000070-single-flight-batches';
import { BatchPlaceholdersOnce1764000000080 } from './migrations/1764000000080-batch-placeholders-once';

export { runInitialSeed, SEED_ASSETS, SEED_USERNAMES, SYSTEM_ACCOUNT_NAMES } from './seeds/initial.seed';
export { RUNTIME_SEQUENCE_GRANTS, RUNTIME_TABLE_GRANTS, type RuntimeTableGrant } from './runtime-grants';

/** Every migration, in order. TypeORM runs the ones the database has not recorded yet. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  JournalCheckByKey1764000000001,
  AccessControl1764000000002,
  LedgerVerifyCheckpoints1764000000030,
  BalancesAsOfIndexes1764000000040,
  RefundsAndHolds1764000000050,
  EntriesCheckedByTrigger1764000000060,
  SingleFlightBatches1764000000070,
  BatchPlaceholdersOnce1764000000080,
];
