import { ErrorCode, MetricsService } from '@app/common';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from '@app/idempotency';
import { PostingRequestDto, TransactionResponseDto, TransferRequestDto, WalletOperationsService } from '@app/wallets';
import { applyDecorators, Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, BODY_PROBLEMS, COMMON_PROBLEMS } from '../http/api-problems.decorator';
import { sendWriteResult } from '../http/write-response';

const IDEMPOTENCY_PROBLEMS = [ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, ErrorCode.IDEMPOTENCY_KEY_REUSED] as const;

/** What every write documents: the key header, the 201 transaction with the replay header, the problems. */
function WriteOperation(operationId: string, summary: string, ...codes: ErrorCode[]) {
  return applyDecorators(
    HttpCode(201),
    ApiOperation({ operationId, summary }),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        '1–255 visible ASCII characters, scoped to the acting user. Required unless the body carries `idempotencyKey` (both must be equal when both are sent).',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]{1,255}$' },
    }),
    ApiCreatedResponse({
      type: TransactionResponseDto,
      description: 'The posted transaction. A replay returns the stored status and body unchanged.',
      headers: {
        [IDEMPOTENT_REPLAYED_HEADER]: {
          description: '`true` when this is the stored outcome of an earlier request with the same key.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
    }),
    ApiProblems(...BODY_PROBLEMS, ErrorCode.USER_NOT_FOUND, ErrorCode.ASSET_NOT_FOUND, ...IDEMPOTENCY_PROBLEMS, ...codes, ...COMMON_PROBLEMS),
  );
}

@ApiTags('wallet operations')
@Controller('v1')
export class WalletOperationsController {
  constructor(
    private readonly operations: WalletOperationsService,
    private readonly metrics: MetricsService,
  ) {}

  @Post('topup')
  @WriteOperation('topUp', 'Top up: the treasury credits a user (a purchase of credits)', ErrorCode.LIMIT_EXCEEDED)
  async topup(
    @Body() body: PostingRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.operations.topup(body, key), this.metrics);
  }

  @Post('spend')
  @WriteOperation('spend', 'Spend: a user pays the treasury (an in-game purchase)', ErrorCode.INSUFFICIENT_FUNDS, ErrorCode.LIMIT_EXCEEDED)
  async spend(
    @Body() body: PostingRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.operations.spend(body, key), this.metrics);
  }

  @Post('bonus')
  @WriteOperation('grantBonus', 'Bonus: the bonus pool credits a user (loyalty, incentives)', ErrorCode.LIMIT_EXCEEDED)
  async bonus(
    @Body() body: PostingRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.operations.bonus(body, key), this.metrics);
  }

  @Post('transfers')
  @WriteOperation(
    'createTransfer',
    'Transfer between two users (the key is scoped to the sender)',
    ErrorCode.INSUFFICIENT_FUNDS,
    ErrorCode.SAME_ACCOUNT_TRANSFER,
    ErrorCode.LIMIT_EXCEEDED,
  )
  async transfer(
    @Body() body: TransferRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.operations.transfer(body, key), this.metrics);
  }
}
