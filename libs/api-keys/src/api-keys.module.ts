import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { Authenticator } from './authenticator.service';
import { LastUsedRecorder } from './last-used-recorder';
import { RouteAccessAudit } from './route-access.audit';

/**
 * API keys and access control: the keys themselves (create, list, get, revoke), the authenticator
 * the authentication middleware uses, and the start-up audit that every route declares its scope.
 * The application registers ScopeGuard once, as its APP_GUARD.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [ApiKeysRepository, LastUsedRecorder, Authenticator, ApiKeysService, RouteAccessAudit],
  exports: [Authenticator, ApiKeysService],
})
export class ApiKeysModule {}
