import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class LedgerVerifyQueryDto {
  /**
   * `true`: recompute every asset from its first entry and compare the stored checkpoints (cost
   * grows with the ledger). Default: check only what was posted since each asset's last verified
   * checkpoint.
   */
  @ApiPropertyOptional({ type: 'boolean', default: false, example: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  full?: boolean;
}
