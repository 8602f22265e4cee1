import { AssetsModule } from '@app/assets';
import { IdempotencyModule } from '@app/idempotency';
import { LedgerModule } from '@app/ledger';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from './entities/user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { WalletOperationsService } from './wallet-operations.service';
import { WalletQueriesService } from './wallet-queries.service';
import { HoldsService } from './holds.service';
import { LedgerRequests } from './ledger-requests';
import { RefundsService } from './refunds.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), LedgerModule, IdempotencyModule, AssetsModule],
  providers: [
    LedgerRequests,
    UsersRepository,
    UsersService,
    WalletOperationsService,
    WalletQueriesService,
    RefundsService,
    HoldsService,
  ],
  exports: [UsersService, WalletOperationsService, WalletQueriesService, RefundsService, HoldsService],
})
export class WalletsModule {}
