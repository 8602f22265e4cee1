// The api-keys lib's public surface: its module, services, guard, middleware, decorators, scopes,
// exceptions and DTOs. The repository, the secret format and hashing, the last-used recorder and
// the route audit stay inside.
export * from './access.decorators';
export * from './api-keys.exception';
export * from './api-keys.module';
export type { ApiKeyRecord } from './api-keys.repository';
export * from './api-keys.service';
export * from './authentication.middleware';
export * from './authenticator.service';
export * from './credential';
export * from './dto/api-key-response.dto';
export * from './dto/create-api-key.dto';
export * from './scope.guard';
export * from './scopes';
