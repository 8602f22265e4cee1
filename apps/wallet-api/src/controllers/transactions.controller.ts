import { type Credential, CurrentCredential, RequiresScope } from '@app/api-keys';
import { ErrorCode, MetricsService } from '@app/common';
import { RefundRequestDto, RefundsService, TransactionResponseDto, WalletQueriesService } from '@app/wallets';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiTransactionIdParam } from '../http/api-params.decorator';
import { ApiProblems, COMMON_PROBLEMS, IDEMPOTENT_REPLAYED_RESPONSE_HEADER } from '../http/api-problems.decorator';
import { ApiIdempotencyKeyHeader, WRITE_OPERATION_DESCRIPTION, WRITE_PROBLEMS } from '../http/api-write-operation.decorator';
import { sendWriteResult } from '../http/write-response';

@ApiTags('transactions')
@Controller('v1/transactions')
export class TransactionsController {
  constructor(
    private readonly queries: WalletQueriesService,
    private readonly refunds: RefundsService,
    private readonly metrics: MetricsService,
  ) {}

  @Get(':transactionId')
  @RequiresScope('wallets:read')
  @ApiOperation({
    operationId: 'getTransaction',
    summary: 'A transaction, as the write returned it',
    description:
      "The same body the write answered with: both entries, with each account's balance right after it; a refundable " +
      'transaction also shows what was refunded of it so far (`refundedAmount`, `refunds`).',
  })
  @ApiTransactionIdParam()
  @ApiOkResponse({ type: TransactionResponseDto, description: 'The transaction.' })
  @ApiProblems(ErrorCode.NOT_FOUND, ...COMMON_PROBLEMS)
  get(@Param('transactionId') transactionId: string): Promise<TransactionResponseDto> {
    return this.queries.transaction(transactionId);
  }

  @Post(':transactionId/refunds')
  @HttpCode(201)
  @RequiresScope('wallets:refund')
  @ApiOperation({
    operationId: 'refundTransaction',
    summary: 'Refund a transaction, in full or in part, back along its path',
    description:
      'Posts a `REFUND` of `amount` (default: all that is left to refund) from the account the original credited to the ' +
      'one it debited: a SPEND refund credits the user from the treasury, a TOPUP refund charges the user back, a BONUS ' +
      'refund returns to BONUS, a TRANSFER refund moves from the receiver to the sender. Refunds of one transaction never ' +
      'add up to more than its amount, even when sent at the same moment. The idempotency key is scoped to the ' +
      "original's acting user (the sender of a transfer). " +
      WRITE_OPERATION_DESCRIPTION,
  })
  @ApiTransactionIdParam()
  @ApiIdempotencyKeyHeader()
  @ApiBody({
    type: RefundRequestDto,
    required: false,
    examples: {
      partial: { summary: 'Refund 40 of the original', value: { amount: 40, reason: 'Bought by mistake' } },
      full: { summary: 'Refund all that is left (an empty body works too)', value: {} },
    },
  })
  @ApiCreatedResponse({
    type: TransactionResponseDto,
    description: 'The REFUND transaction, with `refundOf`. A replay returns the stored status and body unchanged.',
    headers: IDEMPOTENT_REPLAYED_RESPONSE_HEADER,
  })
  @ApiProblems(
    ...WRITE_PROBLEMS,
    ErrorCode.NOT_FOUND,
    ErrorCode.INSUFFICIENT_FUNDS,
    ErrorCode.REFUND_EXCEEDS_ORIGINAL,
    ErrorCode.NOT_REFUNDABLE,
    ErrorCode.LIMIT_EXCEEDED,
    ...COMMON_PROBLEMS,
  )
  async refund(
    @Param('transactionId') transactionId: string,
    @Body() body: RefundRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCredential() caller: Credential,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.refunds.refund(transactionId, body, key, caller.id), this.metrics);
  }
}
