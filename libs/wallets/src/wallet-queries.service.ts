import { AppConfig, ResourceNotFoundException, UserNotFoundException, ValidationFailedException } from '@app/common';
import { AssetsService } from '@app/assets';
import { type AssetBalance, HistoryCursorCodec, LedgerQueryService } from '@app/ledger';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { BalancesQueryDto } from './dto/balances-query.dto';
import { BalancesResponseDto } from './dto/balances-response.dto';
import { HistoryItemDto, HistoryPageDto } from './dto/history-response.dto';
import { HistoryQueryDto } from './dto/history-query.dto';
import { TransactionResponseDto } from './dto/transaction-response.dto';
import { UsersService } from './users.service';
import { parseInstant } from './validation/is-past-instant.decorator';
import { isTransactionId, isUserId, normalizeUserId } from './validation/patterns';

const DEFAULT_PAGE_SIZE = 50;

/** The wallet's reads: balances, paged history and single transactions. */
@Injectable()
export class WalletQueriesService {
  private readonly cursors: HistoryCursorCodec;

  constructor(
    private readonly users: UsersService,
    private readonly assets: AssetsService,
    private readonly ledger: LedgerQueryService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.cursors = new HistoryCursorCodec(config.get('cursorSecret', { infer: true }));
  }

  /** The current balances, or with `asOf` (validated by BalancesQueryDto) those at that instant. */
  async balances(userId: string, query: BalancesQueryDto = {}): Promise<BalancesResponseDto> {
    const id = normalizeUserId(userId);
    const asOf = query.asOf === undefined ? undefined : parseInstant(query.asOf);
    if (query.asOf !== undefined && asOf === undefined) {
      throw new ValidationFailedException([{ field: 'asOf', message: 'must be an RFC 3339 date-time' }]);
    }
    let balances: AssetBalance[] | undefined;
    if (isUserId(id)) balances = asOf === undefined ? await this.ledger.balances(id) : await this.ledger.balancesAsOf(id, asOf);
    if (!balances) throw new UserNotFoundException(userId);
    return BalancesResponseDto.toResponse(id, balances, asOf);
  }

  async history(userId: string, query: HistoryQueryDto): Promise<HistoryPageDto> {
    const user = await this.users.require(userId);
    if (query.assetCode !== undefined) await this.assets.require(query.assetCode);
    const scope = { userId: user.id, assetCode: query.assetCode ?? null, type: query.type ?? null };
    let beforeEntryId: string | null = null;
    if (query.cursor !== undefined) {
      beforeEntryId = this.cursors.decode(scope, query.cursor) ?? null;
      if (beforeEntryId === null) {
        throw new ValidationFailedException([
          { field: 'cursor', message: 'is not a cursor this service issued for this user and these filters' },
        ]);
      }
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const items = await this.ledger.history({ ...scope, beforeEntryId, limit: limit + 1 });
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map((item) => HistoryItemDto.toResponse(item)),
      nextCursor: items.length > limit && last ? this.cursors.encode(scope, last.entryId) : null,
    };
  }

  async transaction(id: string): Promise<TransactionResponseDto> {
    const tx = isTransactionId(id) ? await this.ledger.findTransaction(id) : undefined;
    if (!tx) throw new ResourceNotFoundException('No transaction has this id.');
    return TransactionResponseDto.toResponse(tx, tx);
  }
}
