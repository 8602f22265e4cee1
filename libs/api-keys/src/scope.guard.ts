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
  /** Each handler's declaration (with its class), read once: decorators are fixed when a class is defined. */
  private readonly declared = new WeakMap<object, { readonly owner: object; readonly access: RouteAccess | undefined }>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    const owner = context.getClass();
    let declared = this.declared.get(handler);
    if (declared?.owner !== owner) {
      declared = { owner, access: this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [handler, owner]) };
      this.declared.set(handler, declared);
    }
    const access = declared.access;
    if (access !== undefined && 'public' in access) return true;
    const credential = context.switchToHttp().getRequest<Request>().credential;
    if (!credential) throw new UnauthenticatedException('missing');
    // No declaration: refuse everyone (the start-up audit keeps this from happening).
    if (access === undefined) throw new UnauthenticatedException('invalid');
    if (!credential.scopes.has(access.scope)) throw new MissingScopeException(access.scope);
    return true;
  }
}
