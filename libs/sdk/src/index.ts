/**
 * The TypeScript SDK of the Dino Wallet API: `WalletApiClient` over the client generated from
 * openapi.json, its errors and its types. The service itself never imports this lib.
 */
export * from './amount.js';
export type { components, operations, paths } from './generated/schema.js';
export * from './types.js';
export * from './wallet-api.client.js';
export * from './wallet-api.error.js';
