import {
  ApiKeyListResponseDto,
  ApiKeyResponseDto,
  ApiKeysService,
  CreateApiKeyDto,
  CreatedApiKeyResponseDto,
  type Credential,
  CurrentCredential,
  RequiresScope,
} from '@app/api-keys';
import { ErrorCode } from '@app/common';
import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyIdParam } from '../http/api-params.decorator';
import { ApiProblems, BODY_PROBLEMS, COMMON_PROBLEMS } from '../http/api-problems.decorator';

/** Key management; answers are never cached (one of them carries a secret). */
@ApiTags('api keys')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @RequiresScope('api-keys:manage')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'createApiKey',
    summary: 'Create an API key (its secret is in this answer only)',
    description:
      'The new key holds the scopes asked for, which must all be held by the caller (otherwise 403 `FORBIDDEN` naming ' +
      'the first one missing); an unknown scope is a 400. Store `secret` now: the service keeps only a hash of it.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto, description: 'The key, with its secret.' })
  @ApiProblems(...BODY_PROBLEMS, ...COMMON_PROBLEMS)
  async create(@Body() body: CreateApiKeyDto, @CurrentCredential() caller: Credential): Promise<CreatedApiKeyResponseDto> {
    const { key, secret } = await this.keys.create(caller, body);
    return { ...ApiKeyResponseDto.toResponse(key), secret };
  }

  @Get()
  @RequiresScope('api-keys:manage')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'listApiKeys',
    summary: 'List the API keys that are not revoked',
    description: 'Oldest first; secrets are never shown.',
  })
  @ApiOkResponse({ type: ApiKeyListResponseDto, description: 'The keys.' })
  @ApiProblems(...COMMON_PROBLEMS)
  async list(): Promise<ApiKeyListResponseDto> {
    return { data: (await this.keys.list()).map((k) => ApiKeyResponseDto.toResponse(k)) };
  }

  @Get(':apiKeyId')
  @RequiresScope('api-keys:manage')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'getApiKey',
    summary: 'Get an API key (never its secret)',
    description: 'A revoked key is a 404.',
  })
  @ApiKeyIdParam()
  @ApiOkResponse({ type: ApiKeyResponseDto, description: 'The key.' })
  @ApiProblems(ErrorCode.NOT_FOUND, ...COMMON_PROBLEMS)
  async get(@Param('apiKeyId') id: string): Promise<ApiKeyResponseDto> {
    return ApiKeyResponseDto.toResponse(await this.keys.get(id));
  }

  @Delete(':apiKeyId')
  @RequiresScope('api-keys:manage')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'revokeApiKey',
    summary: 'Revoke an API key',
    description:
      'The key is refused at once by this instance and by every replica within 5 seconds. A key cannot revoke a key ' +
      'holding a scope it lacks (403). An unknown or already revoked id is a 404.',
  })
  @ApiKeyIdParam()
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiProblems(ErrorCode.NOT_FOUND, ...COMMON_PROBLEMS)
  async revoke(@Param('apiKeyId') id: string, @CurrentCredential() caller: Credential): Promise<void> {
    await this.keys.revoke(caller, id);
  }
}
