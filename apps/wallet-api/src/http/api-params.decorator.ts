import { ApiParam } from '@nestjs/swagger';

/**
 * Path parameters. Ids are opaque strings to clients: their schema promises no format, and an id
 * that names no resource, whatever its shape, is the resource's 404.
 */
export const ApiUserIdParam = (): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: 'userId',
    description: 'The user id returned by `POST /v1/users` (opaque; an unknown id is a 404 `USER_NOT_FOUND`).',
    schema: { type: 'string', example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' },
  });

export const ApiTransactionIdParam = (): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: 'transactionId',
    description: 'The `id` of a transaction, as a write or the history returned it (opaque; an unknown id is a 404 `NOT_FOUND`).',
    schema: { type: 'string', example: '1042' },
  });

export const ApiKeyIdParam = (): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: 'apiKeyId',
    description: 'The `id` of an API key, as `POST /v1/api-keys` returned it (an unknown or revoked id is a 404 `NOT_FOUND`).',
    schema: { type: 'string', example: '3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c' },
  });

export const ApiHoldIdParam = (): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: 'holdId',
    description: 'The `id` of a hold, as `POST /v1/holds` returned it (opaque; an unknown id is a 404 `NOT_FOUND`).',
    schema: { type: 'string', example: '0b6e7d8c-3a2f-4c1e-9b5d-7f8e9a0b1c2d' },
  });
