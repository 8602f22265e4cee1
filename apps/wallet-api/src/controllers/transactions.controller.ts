import { ErrorCode } from '@app/common';
import { TransactionResponseDto, WalletQueriesService } from '@app/wallets';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, COMMON_PROBLEMS } from '../http/api-problems.decorator';

@ApiTags('transactions')
@Controller('v1/transactions')
export class TransactionsController {
  constructor(private readonly queries: WalletQueriesService) {}

  @Get(':transactionId')
  @ApiOperation({ operationId: 'getTransaction', summary: 'A transaction, as the write returned it' })
  @ApiProblems(ErrorCode.NOT_FOUND, ...COMMON_PROBLEMS)
  get(@Param('transactionId') transactionId: string): Promise<TransactionResponseDto> {
    return this.queries.transaction(transactionId);
  }
}
