import { LedgerVerification, LedgerVerifyService } from '@app/ledger';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, COMMON_PROBLEMS } from '../http/api-problems.decorator';
import { LedgerVerificationDto } from '../http/ledger-verification.dto';

@ApiTags('ledger')
@Controller('v1/ledger')
export class LedgerController {
  constructor(private readonly verifier: LedgerVerifyService) {}

  @Get('verify')
  @ApiOperation({
    operationId: 'verifyLedger',
    summary: 'Recompute the ledger from its journal and report every mismatch (200 with ok=false when any)',
  })
  @ApiOkResponse({ type: LedgerVerificationDto })
  @ApiProblems(...COMMON_PROBLEMS)
  verify(): Promise<LedgerVerification> {
    return this.verifier.verify();
  }
}
