/**
 * Every transaction type of the ledger, declared once. A new type is one entry here and one rule
 * file in `rules/` (see the README's "How it works"); the database's `journal_type_valid` check
 * needs a migration too. What reads this registry: the posting rules (refundability), the history
 * and transaction responses (the OpenAPI enum), the test builders and the model.
 */
export interface TransactionTypeDeclaration {
  /** What it is, for the documentation. */
  readonly summary: string;
  /** The request that posts it (the idempotency fingerprint's endpoint), or how it arises. */
  readonly endpoint: string;
  /** The scope a credential needs to post it. */
  readonly scope: string;
  /** Whether `POST /v1/transactions/{id}/refunds` accepts it (a refund reverses its two entries). */
  readonly refundable: boolean;
  /** Whether its journal names a second user (`toUserId`): always, never, or depending on the posting. */
  readonly receiver: 'always' | 'never' | 'optional';
}

export const TRANSACTION_TYPE_REGISTRY = {
  TOPUP: {
    summary: 'Treasury → user: a purchase of credits.',
    endpoint: 'POST /v1/topup',
    scope: 'wallets:topup',
    refundable: true,
    receiver: 'never',
  },
  SPEND: {
    summary: 'User → treasury: an in-game purchase.',
    endpoint: 'POST /v1/spend',
    scope: 'wallets:spend',
    refundable: true,
    receiver: 'never',
  },
  BONUS: {
    summary: 'Bonus pool → user: loyalty and incentives.',
    endpoint: 'POST /v1/bonus',
    scope: 'wallets:bonus',
    refundable: true,
    receiver: 'never',
  },
  TRANSFER: {
    summary: 'User → user.',
    endpoint: 'POST /v1/transfers',
    scope: 'wallets:transfer',
    refundable: true,
    receiver: 'always',
  },
  REFUND: {
    summary: "Reverses (part of) a transaction along its path: the original's receiver pays it back.",
    endpoint: 'POST /v1/transactions/{transactionId}/refunds',
    scope: 'wallets:refund',
    refundable: false,
    receiver: 'optional',
  },
  HOLD: {
    summary: "User → the user's held funds: an authorization.",
    endpoint: 'POST /v1/holds',
    scope: 'wallets:hold',
    refundable: false,
    receiver: 'never',
  },
  HOLD_CAPTURE: {
    summary: 'User → treasury or another user: the captured part of a hold, right after its release.',
    endpoint: 'POST /v1/holds/{holdId}/capture',
    scope: 'wallets:hold',
    refundable: false,
    receiver: 'optional',
  },
  HOLD_RELEASE: {
    summary: "The user's held funds → the user: a hold's amount returns (capture, void or expiry).",
    endpoint: 'POST /v1/holds/{holdId}/void',
    scope: 'wallets:hold',
    refundable: false,
    receiver: 'never',
  },
} as const satisfies Record<string, TransactionTypeDeclaration>;

export type TransactionType = keyof typeof TRANSACTION_TYPE_REGISTRY;

/** Every type, in declaration order (the OpenAPI enum). */
export const TRANSACTION_TYPES = Object.keys(TRANSACTION_TYPE_REGISTRY) as TransactionType[];

export function transactionType(type: TransactionType): TransactionTypeDeclaration {
  return TRANSACTION_TYPE_REGISTRY[type];
}

export function isTransactionType(value: string): value is TransactionType {
  return Object.prototype.hasOwnProperty.call(TRANSACTION_TYPE_REGISTRY, value);
}
