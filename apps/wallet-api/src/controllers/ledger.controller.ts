import { RequiresScope } from '@app/api-keys';
import { ErrorCode } from '@app/common';
import { LedgerVerification, LedgerVerifyService } from '@app/ledger';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, COMMON_PROBLEMS } from '../http/api-problems.decorator';
import { LedgerVerifyQueryDto } from '../http/ledger-verify-query.dto';
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
      "In one consistent snapshot: every asset's balances sum to zero, every stored balance equals the sum of its " +
      "entries, every transaction's entries sum to zero and no user balance is negative. A broken ledger is still a " +
      '200, with `ok: false` and the mismatches listed (at most 100 of each kind per asset).\n\n' +
      "A routine call checks every balance and what was posted since each asset's last verified checkpoint " +
      '(`checkpoint` in the answer), so its cost does not grow with the ledger; `full=true` recomputes everything from ' +
      'the first entry and also reports a change made behind a checkpoint (`CHECKPOINT_DIVERGED`). One run at a time per ' +
      'process: a concurrent call gets 429 `RATE_LIMITED` with `Retry-After`. The run uses a database connection of its ' +
      'own, never one that writes need.',
  })
  @ApiOkResponse({
    type: LedgerVerificationDto,
    description: 'The verification report; `ok` is true when no asset has a mismatch.',
    example: {
      ok: true,
      full: false,
      checkedAt: '2026-11-23T21:15:00.123Z',
      assets: [
        {
          assetCode: 'GOLD',
          sum: '0',
          accounts: 4,
          entries: 12,
          journals: 6,
          checkpoint: { journalId: '5', entryId: '10', verifiedAt: '2026-11-23T21:10:00.000Z' },
          mismatches: [],
        },
      ],
    },
  })
  @ApiProblems(ErrorCode.VALIDATION_FAILED, ErrorCode.RATE_LIMITED, ...COMMON_PROBLEMS)
  verify(@Query() query: LedgerVerifyQueryDto): Promise<LedgerVerification> {
    return this.verifier.verify({ full: query.full ?? false });
  }
}
