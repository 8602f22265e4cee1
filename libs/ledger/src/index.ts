// The ledger's public surface: its module, services and domain types (postings, outcomes, the
// transaction-type registry, verification reports). The repositories, the posting unit, the batch
// planner, the rules and the group-commit queue stay inside.
export * from './domain/posting';
export type { Settled } from './group-commit-queue';
export * from './history-cursor';
export * from './ledger-query.service';
export type { AssetVerification, CheckpointRef, LedgerVerification, Mismatch, MismatchKind } from './verify/ledger-verification';
export * from './verify/ledger-verify.service';
export * from './ledger.module';
export * from './ledger.service';
export * from './holds/hold-expiry.service';
export type { PostingResult } from './posting/posting-unit';
export type { RuleSettings } from './rules/posting-rule';
