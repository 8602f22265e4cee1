import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode } from './error-code';

export class FieldErrorDto {
  /** The request field at fault (a body field, a query parameter or a header name). */
  @ApiProperty({ example: 'amount' })
  field!: string;

  @ApiProperty({ example: 'must be greater than zero' })
  message!: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDto {
  @ApiProperty({ format: 'uri', example: 'https://dino-wallet.dev/problems/insufficient-funds' })
  type!: string;

  @ApiProperty({ example: 'Insufficient funds' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 422 })
  status!: number;

  @ApiProperty({ example: 'The GOLD balance is 50, less than the 100 required.' })
  detail!: string;

  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', example: ErrorCode.INSUFFICIENT_FUNDS })
  code!: ErrorCode;

  /** Field problems, for VALIDATION_FAILED. */
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  /** For INSUFFICIENT_FUNDS and LIMIT_EXCEEDED: the asset of the refused write. */
  @ApiPropertyOptional({ example: 'GOLD' })
  assetCode?: string;

  /** For INSUFFICIENT_FUNDS: what the user holds, as a digit string. */
  @ApiPropertyOptional({ type: 'string', pattern: '^[0-9]+$', example: '50' })
  balance?: string;

  /** For INSUFFICIENT_FUNDS: the amount asked for, as a digit string. */
  @ApiPropertyOptional({ type: 'string', pattern: '^[0-9]+$', example: '100' })
  required?: string;
}
