import type { HoldStatus } from '@app/ledger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageLimit } from '../validation/page-limit.decorator';
import { IsIn, IsOptional } from 'class-validator';

export const HOLD_STATUSES: readonly HoldStatus[] = ['HELD', 'CAPTURED', 'VOIDED', 'EXPIRED'];

export class HoldsQueryDto {
  /** Only holds in this status (`HELD`: the active ones). */
  @ApiPropertyOptional({ enum: HOLD_STATUSES, enumName: 'HoldStatus', example: 'HELD' })
  @IsOptional()
  @IsIn(HOLD_STATUSES)
  status?: HoldStatus;

  /** At most this many, newest first. */
  @PageLimit(100, 50)
  limit?: number;
}
