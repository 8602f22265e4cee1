import { ErrorCode } from '@app/common';
import {
  BalancesResponseDto,
  CreateUserDto,
  FindUsersQueryDto,
  HistoryPageDto,
  HistoryQueryDto,
  UserListResponseDto,
  UserResponseDto,
  UsersService,
  WalletQueriesService,
} from '@app/wallets';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, BODY_PROBLEMS, COMMON_PROBLEMS } from '../http/api-problems.decorator';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly queries: WalletQueriesService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'createUser', summary: 'Create a user (no idempotency key: usernames are unique)' })
  @ApiProblems(...BODY_PROBLEMS, ErrorCode.USERNAME_TAKEN, ...COMMON_PROBLEMS)
  async create(@Body() body: CreateUserDto): Promise<UserResponseDto> {
    return UserResponseDto.toResponse(await this.users.create(body.username));
  }

  @Get()
  @ApiOperation({ operationId: 'findUsers', summary: 'Find a user by username (empty data when none)' })
  @ApiProblems(ErrorCode.VALIDATION_FAILED, ...COMMON_PROBLEMS)
  async find(@Query() query: FindUsersQueryDto): Promise<UserListResponseDto> {
    const user = await this.users.findByUsername(query.username);
    return { data: user ? [UserResponseDto.toResponse(user)] : [] };
  }

  @Get(':userId')
  @ApiOperation({ operationId: 'getUser', summary: 'Get a user' })
  @ApiProblems(ErrorCode.USER_NOT_FOUND, ...COMMON_PROBLEMS)
  async get(@Param('userId') userId: string): Promise<UserResponseDto> {
    return UserResponseDto.toResponse(await this.users.require(userId));
  }

  @Get(':userId/balances')
  @ApiOperation({ operationId: 'getBalances', summary: "A user's balance in every asset" })
  @ApiProblems(ErrorCode.USER_NOT_FOUND, ...COMMON_PROBLEMS)
  balances(@Param('userId') userId: string): Promise<BalancesResponseDto> {
    return this.queries.balances(userId);
  }

  @Get(':userId/transactions')
  @ApiOperation({
    operationId: 'listUserTransactions',
    summary: "A user's history, newest first, with keyset cursors that stay stable while writes arrive",
  })
  @ApiProblems(ErrorCode.VALIDATION_FAILED, ErrorCode.USER_NOT_FOUND, ErrorCode.ASSET_NOT_FOUND, ...COMMON_PROBLEMS)
  history(@Param('userId') userId: string, @Query() query: HistoryQueryDto): Promise<HistoryPageDto> {
    return this.queries.history(userId, query);
  }
}
