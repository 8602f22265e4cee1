import type { ValueTransformer } from 'typeorm';

/** PostgreSQL bigint <-> TypeScript bigint (node-postgres hands bigint over as a string). */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
