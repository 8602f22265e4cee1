import { IdempotencyModule } from '@app/idempotency';
import { Module } from '@nestjs/common';
import { AccountResolver } from './account-resolver';
import { BalancesAsOfRepository } from './balances-as-of.repository';
import { AccountsRepository } from './accounts.repository';
import { LedgerQueryRepository } from './ledger-query.repository';
import { LedgerQueryService } from './ledger-query.service';
import { LedgerChecks } from './verify/ledger-checks';
import { LedgerVerifyRepository } from './verify/ledger-verify.repository';
import { LedgerVerifyService } from './verify/ledger-verify.service';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { HoldExpiryService } from './holds/hold-expiry.service';
import { HoldsRepository } from './holds/holds.repository';
import { LedgerStateRepository } from './posting/ledger-state.repository';
import { PostingUnit } from './posting/posting-unit';
import { AccountBook } from './posting/account-book';

@Module({
  imports: [IdempotencyModule],
  providers: [
    AccountsRepository,
    AccountResolver,
    BalancesAsOfRepository,
    LedgerRepository,
    HoldsRepository,
    LedgerStateRepository,
    AccountBook,
    PostingUnit,
    LedgerService,
    HoldExpiryService,
    LedgerQueryRepository,
    LedgerQueryService,
    LedgerVerifyRepository,
    LedgerChecks,
    LedgerVerifyService,
  ],
  exports: [LedgerService, LedgerQueryService, LedgerVerifyService, HoldExpiryService],
})
export class LedgerModule {}
