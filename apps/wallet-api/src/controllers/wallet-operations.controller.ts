import { type Credential, CurrentCredential, RequiresScope } from '@app/api-keys';
import { ErrorCode, MetricsService } from '@app/common';
import { PostingRequestDto, TransferRequestDto, WalletOperationsService } from '@app/wallets';
import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiWriteOperation } from '../http/api-write-operation.decorator';
import { sendWriteResult } from '../http/write-response';

@ApiTags('wallet operations')
@Controller('v1')
export class WalletOperationsController {
  constructor(
    private readonly operations: WalletOperationsService,
    private readonly metrics: MetricsService,
  ) {}

  @Post('topup')
  @RequiresScope('wallets:topup')
  @ApiWriteOperation({
    operationId: 'topUp',
    summary: 'Top up: the treasury credits a user (a purchase of credits)',
    type: 'TOPUP',
    rejections: [ErrorCode.LIMIT_EXCEEDED],
  })
  async topup(
    @Body() body: PostingRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCredential() caller: Credential,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.operations.topup(body, key, caller.id), this.metrics);
  }

  @Post('spend')
  @RequiresScope('wallets:spend')
  @ApiWriteOperation({
    operationId: 'spend',
    summary: 'Spend: a user pays the treasury (an in-game purchase)',
    type: 'SPEND',
    rejections: [ErrorCode.INSUFFICIENT_FUNDS, ErrorCode.LIMIT_EXCEEDED],
  })
  async spend(
    @Body() body: PostingRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCredential() caller: Credential,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.operations.spend(body, key, caller.id), this.metrics);
  }

  @Post('bonus')
  @RequiresScope('wallets:bonus')
  @ApiWriteOperation({
    operationId: 'grantBonus',
    summary: 'Bonus: the bonus pool credits a user (loyalty, incentives)',
    type: 'BONUS',
    rejections: [ErrorCode.LIMIT_EXCEEDED],
  })
  async bonus(
    @Body() body: PostingRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCredential() caller: Credential,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.operations.bonus(body, key, caller.id), this.metrics);
  }

  @Post('transfers')
  @RequiresScope('wallets:transfer')
  @ApiWriteOperation({
    operationId: 'createTransfer',
    summary: 'Transfer between two users (the key is scoped to the sender)',
    type: 'TRANSFER',
    rejections: [
      ErrorCode.INSUFFICIENT_FUNDS,
      ErrorCode.SAME_ACCOUNT_TRANSFER,
      ErrorCode.LIMIT_EXCEEDED,
      ErrorCode.DAILY_LIMIT_EXCEEDED,
    ],
  })
  async transfer(
    @Body() body: TransferRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCredential() caller: Credential,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.operations.transfer(body, key, caller.id), this.metrics);
  }
}
