import { ApiProperty } from '@nestjs/swagger';
import type { ApiKeyRecord } from '../api-keys.repository';
import { SCOPES, type Scope } from '../scopes';

export class ApiKeyResponseDto {
  @ApiProperty({ example: '3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c' })
  id!: string;

  @ApiProperty({ example: 'game-server-eu-1' })
  name!: string;

  @ApiProperty({ enum: SCOPES, enumName: 'Scope', isArray: true, example: ['users:read', 'wallets:read', 'wallets:topup'] })
  scopes!: Scope[];

  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  expiresAt!: string | null;

  /** When the key was last used, to the minute (updated at most once a minute). */
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  lastUsedAt!: string | null;

  /** Its own request rate per second (0 = unlimited), or null for the service's default. */
  @ApiProperty({ type: 'integer', nullable: true, example: null })
  rateLimitPerSecond!: number | null;

  /** The credential that created it: `master`, another key's id, or `cli` (`npm run keys`). */
  @ApiProperty({ example: 'master' })
  createdBy!: string;

  /** `dw_…` and the secret's last four characters, to tell keys apart; the secret itself is never shown again. */
  @ApiProperty({ example: 'dw_…zDjF' })
  secretHint!: string;

  static toResponse(key: ApiKeyRecord): ApiKeyResponseDto {
    return {
      id: key.id,
      name: key.name,
      scopes: key.scopes as Scope[],
      createdAt: key.createdAt.toISOString(),
      expiresAt: key.expiresAt?.toISOString() ?? null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      rateLimitPerSecond: key.rateLimitPerSecond,
      createdBy: key.createdBy,
      secretHint: key.secretHint,
    };
  }
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  /** The secret to send as `Authorization: Bearer <secret>`. Shown in this answer only: the service keeps a hash. */
  @ApiProperty({ pattern: '^dw_[0-9A-Za-z]{49}$', example: 'dw_96LnLGcYMVDniAERCXeJQyCFSrMoEr3thBALcnRLZZa1EzDjF' })
  secret!: string;
}

export class ApiKeyListResponseDto {
  /** Every key that is not revoked (expired ones included), oldest first. */
  @ApiProperty({ type: [ApiKeyResponseDto] })
  data!: ApiKeyResponseDto[];
}
