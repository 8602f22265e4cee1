// The wallets lib's public surface: its module, use-case services, the HTTP DTOs and the outcome
// renderer. The repository, the entity and the validation helpers stay inside.
export * from './dto/account-ref.dto';
export * from './dto/balances-query.dto';
export * from './dto/balances-response.dto';
export * from './dto/create-user.dto';
export * from './dto/find-users-query.dto';
export * from './dto/history-query.dto';
export * from './dto/history-response.dto';
export * from './dto/hold-request.dto';
export * from './dto/hold-response.dto';
export * from './dto/holds-query.dto';
export * from './dto/refund-request.dto';
export * from './dto/posting-request.dto';
export * from './dto/transaction-response.dto';
export * from './dto/user-response.dto';
export * from './outcome-renderer';
export * from './holds.service';
export * from './refunds.service';
export * from './users.service';
export * from './wallet-operations.service';
export * from './wallet-queries.service';
export * from './wallets.module';
