/**
 * The bench's reference point: the HTTP framework alone. A minimal Nest app (platform-express) with
 * the service's global validation pipe, problem filter and JSON body middleware (lossless-json,
 * 64 KiB limit, the same write DTOs and class-validator rules), one POST endpoint per write path,
 * and no database, no authentication, no rate limiting. It answers 201 with a transaction-shaped
 * body of the service's size. Started by the bench as its own process:
 *
 *   PORT=4000 node -r ./test/support/register-ts.js test/bench/bare-nest-app.ts
 */
import 'reflect-metadata';
import { createValidationPipe, jsonBodyMiddleware, ProblemExceptionFilter, toAmount } from '@app/common';
import { PostingRequestDto, TransferRequestDto } from '@app/wallets';
import { Body, Controller, Headers, HttpCode, Module, Post } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

let nextId = 1;

function transaction(
  type: string,
  userId: string,
  assetCode: string,
  amount: bigint,
  key: string | undefined,
  toUserId?: string,
) {
  const id = String(nextId++);
  return {
    id,
    type,
    status: 'POSTED',
    userId,
    ...(toUserId === undefined ? {} : { toUserId }),
    assetCode,
    amount: amount.toString(),
    balanceAfter: '1000000000',
    description: null,
    metadata: {},
    idempotencyKey: key ?? null,
    createdBy: '3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c',
    createdAt: new Date().toISOString(),
    entries: [
      { account: { kind: 'SYSTEM', name: 'TREASURY' }, amount: `-${amount}`, balanceAfter: '-1000000000' },
      { account: { kind: 'USER', userId }, amount: amount.toString(), balanceAfter: '1000000000' },
    ],
  };
}

@Controller('v1')
class BareController {
  @Post('topup')
  @HttpCode(201)
  topup(@Body() body: PostingRequestDto, @Headers('idempotency-key') key: string | undefined) {
    return transaction('TOPUP', body.userId, body.assetCode, toAmount(body.amount), key);
  }

  @Post('spend')
  @HttpCode(201)
  spend(@Body() body: PostingRequestDto, @Headers('idempotency-key') key: string | undefined) {
    return transaction('SPEND', body.userId, body.assetCode, toAmount(body.amount), key);
  }

  @Post('transfers')
  @HttpCode(201)
  transfer(@Body() body: TransferRequestDto, @Headers('idempotency-key') key: string | undefined) {
    return transaction('TRANSFER', body.fromUserId, body.assetCode, toAmount(body.amount), key, body.toUserId);
  }
}

@Module({
  controllers: [BareController],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemExceptionFilter },
  ],
})
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { bodyParser: false, logger: false });
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(jsonBodyMiddleware);
  await app.listen(Number(process.env.PORT ?? 4000), '127.0.0.1');
  process.stdout.write('bare nest app listening\n');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
