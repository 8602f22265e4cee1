/**
 * The TypeScript SDK of the Dino Wallet API: `WalletApiClient` over the client generated from
 * openapi.json, its errors and its types. The service itself never imports this lib.
 */
export * from './amount';
export type { components, operations, paths } from './generated/schema';
export * from './types';
export * from './wallet-api.client';
export * from './wallet-api.error';
