import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, RouteAccess } from './access.decorators';

/**
 * Refuses to start an application with a route that declares neither a scope nor `@Public()`: a
 * new endpoint cannot ship open (or closed to everyone) by omission.
 */
@Injectable()
export class RouteAccessAudit implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = this.routesWithoutAccess();
    if (undeclared.length > 0) {
      throw new Error(`routes without a declared scope (@RequiresScope or @Public): ${undeclared.join(', ')}`);
    }
  }

  routesWithoutAccess(): string[] {
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [handler, metatype]);
        if (access === undefined)
          undeclared.push(`${metatype.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, handler))})`);
      }
    }
    return undeclared;
  }
}
