import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import type { Request } from 'express';
import { UnauthenticatedException } from './api-keys.exception';
import type { Credential } from './credential';
import type { Scope } from './scopes';

export const ACCESS_METADATA = 'dino-wallet:access';
/** The name of the bearer security scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'bearer';

export type RouteAccess = { readonly public: true } | { readonly scope: Scope };

/**
 * The scope a route needs, declared next to it. The global ScopeGuard enforces it (403 FORBIDDEN
 * naming the scope), and the OpenAPI document shows it in the operation's `security`.
 */
export function RequiresScope(scope: Scope): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, { scope } satisfies RouteAccess),
    ApiSecurity(BEARER_SCHEME, [scope]),
    ApiExtension('x-required-scope', scope),
  );
}

/** A route anyone may call without a credential (health probes). Every other route needs a scope. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_METADATA, { public: true } satisfies RouteAccess);
}

/** The credential of the request (the guard has made sure there is one). */
export const CurrentCredential = createParamDecorator((_data: unknown, context: ExecutionContext): Credential => {
  const credential = context.switchToHttp().getRequest<Request>().credential;
  if (!credential) throw new UnauthenticatedException('missing');
  return credential;
});
