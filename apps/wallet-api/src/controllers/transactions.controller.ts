import { RequiresScope } from '@app/api-keys';
import { ErrorCode } from '@app/common';
import { TransactionResponseDto, WalletQueriesService } from '@app/wallets';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiTransactionIdParam } from '../http/api-params.decorator';
import { ApiProblems, COMMON_PROBLEMS } from '../http/api-problems.decorator';

@ApiTags('transactions')
@Controller('v1/transactions')
export class TransactionsController {
  constructor(private readonly queries: WalletQueriesService) {}

  @Get(':transactionId')
  @RequiresScope('wallets:read')
  @ApiOperation({
    operationId: 'getTransaction',
    summary: 'A transaction, as the write returned it',
    description: 'The same body the write answered with: both entries, with each account\'s balance right after it.',
  })
  @ApiTransactionIdParam()
  @ApiOkResponse({ type: TransactionResponseDto, description: 'The transaction.' })
  @ApiProblems(ErrorCode.NOT_FOUND, ...COMMON_PROBLEMS)
  get(@Param('transactionId') transactionId: string): Promise<TransactionResponseDto> {
    return this.queries.transaction(transactionId);
  }
}
