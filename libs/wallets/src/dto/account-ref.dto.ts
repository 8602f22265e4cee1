import type { AccountRef } from '@app/ledger';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class SystemAccountRefDto {
  @ApiProperty({ enum: ['SYSTEM'] })
  kind!: 'SYSTEM';

  @ApiProperty({ enum: ['TREASURY', 'BONUS'], example: 'TREASURY' })
  name!: 'TREASURY' | 'BONUS';
}

export class UserAccountRefDto {
  @ApiProperty({ enum: ['USER'] })
  kind!: 'USER';

  @ApiProperty({ format: 'uuid' })
  userId!: string;
}

/** OpenAPI schema of an account reference: a user's wallet or a system pool. */
export const ACCOUNT_REF_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(UserAccountRefDto) }, { $ref: getSchemaPath(SystemAccountRefDto) }],
  discriminator: { propertyName: 'kind' },
};

export function toAccountRefResponse(ref: AccountRef): SystemAccountRefDto | UserAccountRefDto {
  return ref.kind === 'USER' ? { kind: 'USER', userId: ref.userId } : { kind: 'SYSTEM', name: ref.name };
}

/** Metadata with its keys in sorted order, so a stored response and a later read are byte-identical. */
export function sortedMetadata(metadata: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(metadata).sort().map((k) => [k, metadata[k]]));
}
