import type { HoldStatus } from '@app/ledger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const HOLD_STATUSES: readonly HoldStatus[] = ['HELD', 'CAPTURED', 'VOIDED', 'EXPIRED'];

const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

export class HoldsQueryDto {
  /** Only holds in this status (`HELD`: the active ones). */
  @ApiPropertyOptional({ enum: HOLD_STATUSES, enumName: 'HoldStatus', example: 'HELD' })
  @IsOptional()
  @IsIn(HOLD_STATUSES)
  status?: HoldStatus;

  /** At most this many, newest first. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 100, example: 50 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number from 1 to 200' })
  @Min(1)
  @Max(200)
  limit?: number;
}
