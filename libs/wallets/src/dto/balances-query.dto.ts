import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { INSTANT_PATTERN, IsPastInstant } from '../validation/is-past-instant.decorator';

export class BalancesQueryDto {
  /**
   * The balances right after every transaction whose `createdAt` is at or before this instant (a
   * transaction stamped exactly `asOf` is included); `"0"` for assets not held then. An RFC 3339
   * date-time: `2026-11-30T00:00:00.000Z` as transactions show it, or without the fraction, with
   * up to 9 fraction digits (cut to the millisecond), or with an offset (`+01:00`, sent as
   * `%2B01:00`). A date alone, a time without zone, an impossible date or a future instant is a 400.
   * Absent: the current balances.
   */
  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    pattern: INSTANT_PATTERN.source,
    example: '2026-11-30T00:00:00.000Z',
  })
  @IsOptional()
  @IsString()
  @IsPastInstant()
  asOf?: string;
}
