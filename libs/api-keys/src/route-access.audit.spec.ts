import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Public, RequiresScope } from './access.decorators';
import { RouteAccessAudit } from './route-access.audit';

@Controller('declared')
class DeclaredController {
  @Get()
  @RequiresScope('users:read')
  read(): string {
    return 'ok';
  }

  helper(): string {
    return 'not a route';
  }
}

@Public()
@Controller('health-like')
class PublicController {
  @Get()
  live(): string {
    return 'ok';
  }
}

@Controller('forgotten')
class ForgottenController {
  @Get()
  @RequiresScope('users:read')
  read(): string {
    return 'ok';
  }

  @Post()
  write(): string {
    return 'open by omission';
  }
}

async function boot(...controllers: Array<new () => unknown>) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers,
    providers: [RouteAccessAudit],
  }).compile();
  return moduleRef.createNestApplication({ logger: false });
}

describe(RouteAccessAudit.name, () => {
  it('lets an application start when every route declares a scope or @Public()', async () => {
    const app = await boot(DeclaredController, PublicController);
    await expect(app.init()).resolves.toBe(app);
    await app.close();
  });

  it('refuses to start an application with a route that declares neither, naming it', async () => {
    const app = await boot(DeclaredController, ForgottenController);
    await expect(app.init()).rejects.toThrow(
      'routes without a declared scope (@RequiresScope or @Public): ForgottenController.write (/)',
    );
    await app.close();
  });
});
