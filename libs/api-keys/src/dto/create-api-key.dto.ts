import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { SCOPES, type Scope } from '../scopes';

export class CreateApiKeyDto {
  /** A label for people: which game server, back office or person holds the key. */
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'game-server-eu-1' })
  @IsString()
  @Length(1, 100)
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  @Matches(/^[^\u0000-\u001f\u007f]+$/, { message: 'must not contain control characters' })
  name!: string;

  /** What the key may do: a non-empty subset of the caller's own scopes. */
  @ApiProperty({
    enum: SCOPES,
    enumName: 'Scope',
    isArray: true,
    minItems: 1,
    maxItems: SCOPES.length,
    example: ['users:read', 'wallets:read', 'wallets:topup'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SCOPES.length)
  @IsIn(SCOPES, { each: true, message: `each scope must be one of ${SCOPES.join(', ')}` })
  scopes!: Scope[];

  /** When the key stops working (ISO 8601, in the future); absent or null: never. */
  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true, example: '2027-06-30T00:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt?: string | null;

  /** Requests per second this key may make (0 = unlimited); absent or null: the service's default. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1000000, nullable: true, example: 500 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  rateLimitPerSecond?: number | null;
}
