/**
 * The scopes of the contract (API.md, "Access"): one per operation. A credential holds a set of
 * them; every route declares the one it needs (see RequiresScope). The master key holds them all.
 */
export const SCOPES = [
  'users:read',
  'users:write',
  'wallets:read',
  'wallets:topup',
  'wallets:spend',
  'wallets:bonus',
  'wallets:transfer',
  'wallets:refund',
  'wallets:hold',
  'ledger:verify',
  'metrics:read',
  'api-keys:manage',
] as const;

export type Scope = (typeof SCOPES)[number];

/** What each scope allows, for the README and the OpenAPI document. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<Scope, string>> = {
  'users:read': 'read users (GET /v1/users, /v1/users/{userId}) and the assets',
  'users:write': 'create users',
  'wallets:read': 'read balances, histories, transactions and holds',
  'wallets:topup': 'top up: the treasury credits a user',
  'wallets:spend': 'spend: a user pays the treasury',
  'wallets:bonus': 'bonus: the bonus pool credits a user',
  'wallets:transfer': 'transfer between users',
  'wallets:refund': 'refund a transaction',
  'wallets:hold': 'create, capture and void holds',
  'ledger:verify': 'run the ledger verification',
  'metrics:read': 'scrape GET /metrics',
  'api-keys:manage': 'create, list, read and revoke API keys (never with more scopes than the caller holds)',
};

const KNOWN: ReadonlySet<string> = new Set(SCOPES);

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && KNOWN.has(value);
}

/** Scopes in the contract's order, each once. */
export function canonicalScopes(scopes: Iterable<Scope>): Scope[] {
  const given = new Set(scopes);
  return SCOPES.filter((s) => given.has(s));
}
