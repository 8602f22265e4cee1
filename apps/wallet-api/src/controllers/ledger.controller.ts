import { RequiresScope } from '@app/api-keys';
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
  @RequiresScope('ledger:verify')
  @ApiOperation({
    operationId: 'verifyLedger',
    summary: 'Recompute the ledger from its journal and report every mismatch (200 with ok=false when any)',
    description:
      'In one consistent snapshot: every asset\'s balances sum to zero, every stored balance equals the sum of its ' +
      'entries, every transaction\'s entries sum to zero and no user balance is negative. A broken ledger is still a ' +
      '200, with `ok: false` and the mismatches listed (at most 100 of each kind per asset).',
  })
  @ApiOkResponse({
    type: LedgerVerificationDto,
    description: 'The verification report; `ok` is true when no asset has a mismatch.',
    example: {
      ok: true,
      checkedAt: '2026-11-23T21:15:00.123Z',
      assets: [{ assetCode: 'GOLD', sum: '0', accounts: 4, entries: 12, journals: 6, mismatches: [] }],
    },
  })
  @ApiProblems(...COMMON_PROBLEMS)
  verify(): Promise<LedgerVerification> {
    return this.verifier.verify();
  }
}
