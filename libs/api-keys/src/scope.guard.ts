import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_METADATA, RouteAccess } from './access.decorators';
import { MissingScopeException, UnauthenticatedException } from './api-keys.exception';

/**
 * The global guard (registered once, as APP_GUARD): a route runs only for a credential holding the
 * scope it declares. It runs before pipes, so a refused request is never validated and never reaches
 * the idempotency layer. Authentication itself happens earlier, in the authentication middleware,
 * before the body is even read; this guard also refuses a request without a credential, so a route
 * the middleware did not cover still fails closed. RouteAccessAudit makes sure at start-up that
 * every route declares its access.
 */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access !== undefined && 'public' in access) return true;
    const credential = context.switchToHttp().getRequest<Request>().credential;
    if (!credential) throw new UnauthenticatedException('missing');
    // No declaration: refuse everyone (the start-up audit keeps this from happening).
    if (access === undefined) throw new UnauthenticatedException('invalid');
    if (!credential.scopes.has(access.scope)) throw new MissingScopeException(access.scope);
    return true;
  }
}
