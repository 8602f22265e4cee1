import { RequiresScope } from '@app/api-keys';
import { ErrorCode } from '@app/common';
import {
  BalancesQueryDto,
  BalancesResponseDto,
  CreateUserDto,
  FindUsersQueryDto,
  HistoryPageDto,
  HistoryQueryDto,
  HoldListDto,
  HoldsQueryDto,
  HoldsService,
  UserListResponseDto,
  UserResponseDto,
  UsersService,
  WalletQueriesService,
} from '@app/wallets';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiUserIdParam } from '../http/api-params.decorator';
import { ApiProblems, BODY_PROBLEMS, COMMON_PROBLEMS } from '../http/api-problems.decorator';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly queries: WalletQueriesService,
    private readonly holds: HoldsService,
  ) {}

  @Post()
  @RequiresScope('users:write')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'createUser',
    summary: 'Create a user (no idempotency key: usernames are unique)',
    description: 'Usernames are unique, so a retry of a create that did succeed answers 409 `USERNAME_TAKEN`.',
  })
  @ApiCreatedResponse({ type: UserResponseDto, description: 'The new user, with no balance yet.' })
  @ApiProblems(...BODY_PROBLEMS, ErrorCode.USERNAME_TAKEN, ...COMMON_PROBLEMS)
  async create(@Body() body: CreateUserDto): Promise<UserResponseDto> {
    return UserResponseDto.toResponse(await this.users.create(body.username));
  }

  @Get()
  @RequiresScope('users:read')
  @ApiOperation({
    operationId: 'findUsers',
    summary: 'Find a user by username (empty data when none)',
    description: 'An exact, case-sensitive match: `data` holds the user, or nothing.',
  })
  @ApiOkResponse({ type: UserListResponseDto, description: 'The matching user, if any.' })
  @ApiProblems(ErrorCode.VALIDATION_FAILED, ...COMMON_PROBLEMS)
  async find(@Query() query: FindUsersQueryDto): Promise<UserListResponseDto> {
    const user = await this.users.findByUsername(query.username);
    return { data: user ? [UserResponseDto.toResponse(user)] : [] };
  }

  @Get(':userId')
  @RequiresScope('users:read')
  @ApiOperation({ operationId: 'getUser', summary: 'Get a user', description: 'The user with this id.' })
  @ApiUserIdParam()
  @ApiOkResponse({ type: UserResponseDto, description: 'The user.' })
  @ApiProblems(ErrorCode.USER_NOT_FOUND, ...COMMON_PROBLEMS)
  async get(@Param('userId') userId: string): Promise<UserResponseDto> {
    return UserResponseDto.toResponse(await this.users.require(userId));
  }

  @Get(':userId/balances')
  @RequiresScope('wallets:read')
  @ApiOperation({
    operationId: 'getBalances',
    summary: "A user's balance in every asset, now or at a point in time",
    description:
      'One row for every asset, `"0"` where the user has never held it. Balances are digit strings: `balance` is what ' +
      "the user can spend, `held` what the user's active holds reserve besides. With `asOf`, " +
      'the balances right after every transaction whose `createdAt` is at or before that instant (one stamped exactly ' +
      "`asOf` included), echoed as `asOf`; read from the entries' running balances with an index, so the cost does " +
      'not grow with the ledger. A malformed or future `asOf` is a 400.',
  })
  @ApiUserIdParam()
  @ApiOkResponse({
    type: BalancesResponseDto,
    description: 'The balances (with `asOf` when asked for a point in time).',
    example: {
      userId: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d',
      balances: [
        { assetCode: 'GOLD', balance: '350', held: '100' },
        { assetCode: 'DIAMOND', balance: '0', held: '0' },
        { assetCode: 'POINT', balance: '1200', held: '0' },
      ],
    },
  })
  @ApiProblems(ErrorCode.VALIDATION_FAILED, ErrorCode.USER_NOT_FOUND, ...COMMON_PROBLEMS)
  balances(@Param('userId') userId: string, @Query() query: BalancesQueryDto): Promise<BalancesResponseDto> {
    return this.queries.balances(userId, query);
  }

  @Get(':userId/transactions')
  @RequiresScope('wallets:read')
  @ApiOperation({
    operationId: 'listUserTransactions',
    summary: "A user's history, newest first, with keyset cursors that stay stable while writes arrive",
    description:
      "Every write that moved the user's balance (both sides of a transfer), in the order the writes were applied " +
      "to the user's accounts. Pass `nextCursor` as `cursor` for the next page, with the same filters: no item is " +
      'skipped or repeated while new writes arrive. A malformed filter or a forged cursor is a 400; a well-formed ' +
      'asset code that names no asset is a 404 `ASSET_NOT_FOUND`.',
  })
  @ApiUserIdParam()
  @ApiOkResponse({ type: HistoryPageDto, description: 'One page of history, newest first.' })
  @ApiProblems(ErrorCode.VALIDATION_FAILED, ErrorCode.USER_NOT_FOUND, ErrorCode.ASSET_NOT_FOUND, ...COMMON_PROBLEMS)
  history(@Param('userId') userId: string, @Query() query: HistoryQueryDto): Promise<HistoryPageDto> {
    return this.queries.history(userId, query);
  }

  @Get(':userId/holds')
  @RequiresScope('wallets:read')
  @ApiOperation({
    operationId: 'listUserHolds',
    summary: "A user's holds, newest first",
    description: 'Optionally only those in one `status` (`HELD`: the active ones); at most `limit` (default 100).',
  })
  @ApiUserIdParam()
  @ApiOkResponse({ type: HoldListDto, description: 'The holds, newest first.' })
  @ApiProblems(ErrorCode.VALIDATION_FAILED, ErrorCode.USER_NOT_FOUND, ...COMMON_PROBLEMS)
  userHolds(@Param('userId') userId: string, @Query() query: HoldsQueryDto): Promise<HoldListDto> {
    return this.holds.list(userId, query.status, query.limit ?? 100);
  }
}
