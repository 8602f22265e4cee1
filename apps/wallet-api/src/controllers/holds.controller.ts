import { type Credential, CurrentCredential, RequiresScope } from '@app/api-keys';
import { ErrorCode, MetricsService } from '@app/common';
import { CaptureHoldRequestDto, CreateHoldRequestDto, HoldResponseDto, HoldsService, VoidHoldRequestDto } from '@app/wallets';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiHoldIdParam } from '../http/api-params.decorator';
import { ApiProblems, COMMON_PROBLEMS, IDEMPOTENT_REPLAYED_RESPONSE_HEADER } from '../http/api-problems.decorator';
import { ApiIdempotencyKeyHeader, WRITE_OPERATION_DESCRIPTION, WRITE_PROBLEMS } from '../http/api-write-operation.decorator';
import { sendWriteResult } from '../http/write-response';

const SETTLE_DESCRIPTION =
  'Only a `HELD` hold can be captured or voided: otherwise 409 `HOLD_NOT_ACTIVE` with `holdStatus` (a replay of the ' +
  'request that finished the hold gets its stored answer instead). Of a capture, a void and the expiry racing each ' +
  "other exactly one wins. The idempotency key is scoped to the hold's user. ";

@ApiTags('holds')
@Controller('v1/holds')
export class HoldsController {
  constructor(
    private readonly holds: HoldsService,
    private readonly metrics: MetricsService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequiresScope('wallets:hold')
  @ApiOperation({
    operationId: 'createHold',
    summary: "Hold (authorize) part of a user's balance, to capture or void later",
    description:
      "The amount leaves the user's spendable `balance` at once (it shows as `held` on the balances) and moves to the " +
      "user's held funds (a `HOLD` transaction). A hold still `HELD` at `expiresAt` becomes `EXPIRED` and its amount " +
      'returns within 60 seconds, exactly once across replicas. ' +
      WRITE_OPERATION_DESCRIPTION,
  })
  @ApiIdempotencyKeyHeader()
  @ApiBody({
    type: CreateHoldRequestDto,
    examples: {
      entry: {
        summary: 'Reserve a tournament entry for 10 minutes',
        value: {
          userId: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d',
          assetCode: 'GOLD',
          amount: 100,
          expiresInSeconds: 600,
          description: 'Tournament entry',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: HoldResponseDto, description: 'The hold, `HELD`.', headers: IDEMPOTENT_REPLAYED_RESPONSE_HEADER })
  @ApiProblems(...WRITE_PROBLEMS, ErrorCode.INSUFFICIENT_FUNDS, ErrorCode.LIMIT_EXCEEDED, ...COMMON_PROBLEMS)
  async create(
    @Body() body: CreateHoldRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCredential() caller: Credential,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.holds.create(body, key, caller.id), this.metrics);
  }

  @Get(':holdId')
  @RequiresScope('wallets:read')
  @ApiOperation({
    operationId: 'getHold',
    summary: 'A hold',
    description: 'The hold as it stands: its status, what was captured and to whom, and its journal transactions.',
  })
  @ApiHoldIdParam()
  @ApiOkResponse({ type: HoldResponseDto, description: 'The hold as it stands.' })
  @ApiProblems(ErrorCode.NOT_FOUND, ...COMMON_PROBLEMS)
  get(@Param('holdId') holdId: string): Promise<HoldResponseDto> {
    return this.holds.get(holdId);
  }

  @Post(':holdId/capture')
  @HttpCode(200)
  @RequiresScope('wallets:hold')
  @ApiOperation({
    operationId: 'captureHold',
    summary: 'Capture a hold: pay (part of) it to the treasury or to another user; the rest returns',
    description:
      "`amount` (default: all, at most the hold's amount) goes to the treasury (a purchase) or to `toUserId` (escrow " +
      'between players); the rest returns to the user. The hold becomes `CAPTURED`. Its transactions: a `HOLD_RELEASE` ' +
      'of the whole amount back to the user, then a `HOLD_CAPTURE` of the captured part, so each shows in the history ' +
      'with an exact balance. ' +
      SETTLE_DESCRIPTION +
      WRITE_OPERATION_DESCRIPTION,
  })
  @ApiHoldIdParam()
  @ApiIdempotencyKeyHeader()
  @ApiBody({
    type: CaptureHoldRequestDto,
    required: false,
    examples: {
      all: { summary: 'Capture all of it to the treasury (an empty body works too)', value: {} },
      escrow: {
        summary: 'Pay 60 to another player; 40 returns',
        value: { amount: 60, toUserId: '9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e' },
      },
    },
  })
  @ApiOkResponse({ type: HoldResponseDto, description: 'The hold, `CAPTURED`.', headers: IDEMPOTENT_REPLAYED_RESPONSE_HEADER })
  @ApiProblems(
    ...WRITE_PROBLEMS,
    ErrorCode.NOT_FOUND,
    ErrorCode.HOLD_NOT_ACTIVE,
    ErrorCode.SAME_ACCOUNT_TRANSFER,
    ErrorCode.LIMIT_EXCEEDED,
    ...COMMON_PROBLEMS,
  )
  async capture(
    @Param('holdId') holdId: string,
    @Body() body: CaptureHoldRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCredential() caller: Credential,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.holds.capture(holdId, body, key, caller.id), this.metrics);
  }

  @Post(':holdId/void')
  @HttpCode(200)
  @RequiresScope('wallets:hold')
  @ApiOperation({
    operationId: 'voidHold',
    summary: 'Void a hold: all of it returns to the user',
    description:
      'The hold becomes `VOIDED` (a `HOLD_RELEASE` of the whole amount). ' + SETTLE_DESCRIPTION + WRITE_OPERATION_DESCRIPTION,
  })
  @ApiHoldIdParam()
  @ApiIdempotencyKeyHeader()
  @ApiBody({ type: VoidHoldRequestDto, required: false })
  @ApiOkResponse({ type: HoldResponseDto, description: 'The hold, `VOIDED`.', headers: IDEMPOTENT_REPLAYED_RESPONSE_HEADER })
  @ApiProblems(...WRITE_PROBLEMS, ErrorCode.NOT_FOUND, ErrorCode.HOLD_NOT_ACTIVE, ErrorCode.LIMIT_EXCEEDED, ...COMMON_PROBLEMS)
  async void(
    @Param('holdId') holdId: string,
    @Body() body: VoidHoldRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCredential() caller: Credential,
    @Res() response: Response,
  ): Promise<void> {
    sendWriteResult(response, await this.holds.void(holdId, body, key, caller.id), this.metrics);
  }
}
