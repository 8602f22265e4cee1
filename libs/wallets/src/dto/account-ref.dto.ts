import type { AccountRef } from '@app/ledger';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** A system account of the asset: `TREASURY` (top-ups and spends) or `BONUS` (bonuses). */
export class SystemAccountRefDto {
  @ApiProperty({ enum: ['SYSTEM'] })
  kind!: 'SYSTEM';

  @ApiProperty({ enum: ['TREASURY', 'BONUS'], example: 'TREASURY' })
  name!: 'TREASURY' | 'BONUS';
}

/** A user's wallet in the asset. */
export class UserAccountRefDto {
  @ApiProperty({ enum: ['USER'] })
  kind!: 'USER';

  @ApiProperty({ example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' })
  userId!: string;
}

/** A user's held funds in the asset: what the user's active holds reserve (see /v1/holds). */
export class HeldAccountRefDto {
  @ApiProperty({ enum: ['HELD'] })
  kind!: 'HELD';

  @ApiProperty({ example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' })
  userId!: string;
}

/**
 * OpenAPI schema of an account reference: a user's wallet, a user's held funds or a system pool. The `mapping` is what
 * makes `kind` the literal `USER` / `SYSTEM` for generators: under OpenAPI 3.0 a discriminator
 * without one takes the schema names as its values.
 */
export const ACCOUNT_REF_SCHEMA = {
  oneOf: [
    { $ref: getSchemaPath(UserAccountRefDto) },
    { $ref: getSchemaPath(SystemAccountRefDto) },
    { $ref: getSchemaPath(HeldAccountRefDto) },
  ],
  discriminator: {
    propertyName: 'kind',
    mapping: {
      USER: getSchemaPath(UserAccountRefDto),
      SYSTEM: getSchemaPath(SystemAccountRefDto),
      HELD: getSchemaPath(HeldAccountRefDto),
    },
  },
};

export type AccountRefResponse = SystemAccountRefDto | UserAccountRefDto | HeldAccountRefDto;

export function toAccountRefResponse(ref: AccountRef): AccountRefResponse {
  return ref.kind === 'SYSTEM' ? { kind: 'SYSTEM', name: ref.name } : { kind: ref.kind, userId: ref.userId };
}

/** Metadata with its keys in sorted order, so a stored response and a later read are byte-identical. */
export function sortedMetadata(metadata: Readonly<Record<string, string>>): Record<string, string> {
  const keys = Object.keys(metadata);
  if (keys.length === 0) return {}; // most writes carry none
  return Object.fromEntries(keys.sort().map((k) => [k, metadata[k]]));
}
