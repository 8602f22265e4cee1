import type { components, operations } from './generated/schema.js';

type Schemas = components['schemas'];

/** The response and request shapes of the API, by their contract names (generated from openapi.json). */
export type User = Schemas['UserResponseDto'];
export type Asset = Schemas['AssetResponseDto'];
export type Balances = Schemas['BalancesResponseDto'];
export type AssetBalance = Schemas['AssetBalanceDto'];
export type Transaction = Schemas['TransactionResponseDto'];
export type TransactionType = Schemas['TransactionType'];
export type Entry = Schemas['EntryResponseDto'];
export type AccountRef = Schemas['UserAccountRefDto'] | Schemas['SystemAccountRefDto'];
export type HistoryItem = Schemas['HistoryItemDto'];
export type HistoryPage = Schemas['HistoryPageDto'];
export type LedgerVerification = Schemas['LedgerVerificationDto'];
export type ErrorCode = Schemas['ErrorCode'];
export type FieldError = Schemas['FieldErrorDto'];
/** An RFC 9457 problem, the body of every error response of the API. */
export type Problem = Schemas['ProblemDto'];

/**
 * An amount as the SDK accepts it: a bigint, a safe integer number, or a string of digits. It is
 * always sent as a digit string, so nothing is lost on the way; responses carry digit strings.
 */
export type AmountLike = bigint | number | string;

type WriteBody<T> = Omit<T, 'amount' | 'idempotencyKey'> & { readonly amount: AmountLike };

/** The body of a top-up, a spend or a bonus (the idempotency key travels in the header). */
export type PostingInput = WriteBody<Schemas['PostingRequestDto']>;
/** The body of a transfer (the idempotency key travels in the header). */
export type TransferInput = WriteBody<Schemas['TransferRequestDto']>;

/** History filters and paging (`cursor` is the previous page's `nextCursor`). */
export type HistoryQuery = NonNullable<operations['listUserTransactions']['parameters']['query']>;
