import { BEARER_SCHEME, SCOPE_DESCRIPTIONS, SCOPES } from '@app/api-keys';
import { ErrorCode, REQUEST_ID_HEADER } from '@app/common';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { problemResponses } from './http/api-problems.decorator';
import { docsRequestInterceptor, documentForDocsPage, readLiveExamples } from './http/docs-page';
import { withServedDocuments, withStrictContract } from './openapi-strictness';

/** The version of the HTTP contract (API.md); bump it with every change clients can see. */
export const API_VERSION = '1.0.0';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The OpenAPI document, generated from the controllers and DTOs (no database needed). `npm run
 * openapi` writes it to openapi.json, from which the SDK (libs/sdk) is generated.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Dino Wallet API')
    .setDescription(
      'Virtual wallets for games on a double-entry ledger. Amounts are whole units of an asset, sent as JSON integers ' +
        'or digit strings and always returned as digit strings. Every write needs an idempotency key ' +
        '(`Idempotency-Key` header or `idempotencyKey` body field); retrying with the same key never moves money twice. ' +
        'Errors are RFC 9457 problems (`application/problem+json`) with a machine-readable `code`. ' +
        'Every response carries `X-Request-Id`. Every `/v1` operation and `/metrics` need a credential, ' +
        '`Authorization: Bearer <secret>` (an API key or the master key), holding the scope the operation names in ' +
        'its `security`; the health probes and this document are public.',
    )
    .setVersion(API_VERSION)
    .setContact('Dino Wallet team', 'https://dino-wallet.dev', 'dev@dino-wallet.dev')
    // localhost first: Postman, Insomnia and generated clients take the first server as their base URL
    // (the /docs page puts `/` first for itself).
    .addServer('http://localhost:3000', 'Local development (`npm start`)')
    .addServer('/', 'The service that serves this document')
    .addTag('users', 'Players: create them, find them, read their balances and history')
    .addTag('assets', 'The currencies wallets hold (GOLD, DIAMOND, POINT, …)')
    .addTag('wallet operations', 'Writes: each moves money between two accounts under an idempotency key')
    .addTag('transactions', 'Posted transactions, as the writes returned them, and their refunds')
    .addTag('holds', 'Authorize part of a balance, then capture or void it (or let it expire)')
    .addTag('ledger', 'Checks of the double-entry ledger itself')
    .addTag('operations', 'Health probes and metrics')
    .addTag('api keys', 'Credentials: API keys with scopes, made and revoked by holders of `api-keys:manage`')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'The secret of an API key (`dw_…`) or the master key (`API_MASTER_KEY`). Each operation names the one scope ' +
          `it needs in its \`security\`. Scopes: ${SCOPES.map((s) => `\`${s}\` (${SCOPE_DESCRIPTIONS[s]})`).join('; ')}.`,
      },
      BEARER_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
  });
  document.info.license = { name: 'UNLICENSED (proprietary)' };
  return withCacheControlHeader(withStrictContract(withAccessControl(withRequestIdHeader(withServedDocuments(document)))));
}

/**
 * Every `/v1` answer says `Cache-Control: no-store` (balances, history, transactions and keys are
 * private and change with every write; see security-headers.ts).
 */
function withCacheControlHeader(document: OpenAPIObject): OpenAPIObject {
  const components = document.components ?? {};
  components.headers = {
    ...components.headers,
    CacheControl: {
      description: 'Always `no-store`: no browser, proxy or CDN may keep a copy of this answer.',
      schema: { type: 'string', enum: ['no-store'] },
    },
  };
  document.components = components;
  for (const [path, pathItem] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const method of HTTP_METHODS) {
      for (const response of Object.values(pathItem[method]?.responses ?? {})) {
        if (!response || '$ref' in response) continue;
        response.headers = { ...response.headers, 'Cache-Control': { $ref: '#/components/headers/CacheControl' } };
      }
    }
  }
  return document;
}

/**
 * Access control belongs to every operation, not to a controller, so it is documented here once:
 * an operation with a scope (see RequiresScope) also answers 401 and 403; one without is public
 * and says so with an empty `security`.
 */
function withAccessControl(document: OpenAPIObject): OpenAPIObject {
  const refusals = problemResponses([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.RATE_LIMITED]);
  const components = document.components ?? {};
  components.headers = { ...components.headers, ...RATE_LIMIT_HEADERS };
  document.components = components;
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      if (!operation.security?.length) {
        operation.security = [];
        continue;
      }
      for (const { status, response } of refusals) operation.responses[status] ??= response;
      for (const response of Object.values(operation.responses)) {
        if (!response || '$ref' in response) continue;
        for (const name of Object.keys(RATE_LIMIT_HEADERS))
          response.headers = { ...response.headers, [name]: { $ref: `#/components/headers/${name}` } };
      }
    }
  }
  return document;
}

/**
 * The credential's budget (API.md, "Rate limits"), on every answer to an authenticated request; a
 * 401 shows the client address's budget of failed authentications instead. Absent for a key
 * without a limit (`rateLimitPerSecond: 0`).
 */
const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': {
    description: 'Requests per second this credential may make (on a 401: failed authentications per minute from this address).',
    schema: { type: 'integer', minimum: 1, example: 1000 },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current window.',
    schema: { type: 'integer', minimum: 0, example: 999 },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the current window ends and the budget is whole again.',
    schema: { type: 'integer', minimum: 1, example: 1 },
  },
};

/**
 * Every request may carry `X-Request-Id` and every response echoes it (or a generated one). The
 * header belongs to the HTTP layer, not to any controller, so it is added here, once.
 */
function withRequestIdHeader(document: OpenAPIObject): OpenAPIObject {
  const components = document.components ?? {};
  components.parameters = {
    ...components.parameters,
    RequestId: {
      name: REQUEST_ID_HEADER,
      in: 'header',
      required: false,
      description:
        'A correlation id for the logs (1–200 visible ASCII characters), echoed in the response; otherwise one is generated.',
      schema: { type: 'string', pattern: '^[\\x21-\\x7E]{1,200}$', example: 'req-7f3a9c' },
    },
  };
  components.headers = {
    ...components.headers,
    RequestId: {
      description: "The request's `X-Request-Id`, or the one the service generated for it.",
      schema: { type: 'string', example: 'req-7f3a9c' },
    },
  };
  document.components = components;
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/RequestId' }];
      for (const response of Object.values(operation.responses)) {
        if (!response || '$ref' in response) continue;
        response.headers = { ...response.headers, [REQUEST_ID_HEADER]: { $ref: '#/components/headers/RequestId' } };
      }
    }
  }
  return document;
}

/**
 * Serves the interactive reference at /docs (with examples from the running instance and a fresh
 * idempotency key per "Try it out", see http/docs-page.ts), the document at /openapi.json and
 * /openapi.yaml, and redirects / to /docs.
 */
export function setupOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    customSiteTitle: 'Dino Wallet API',
    swaggerOptions: {
      persistAuthorization: true,
      displayRequestDuration: true,
      requestInterceptor: docsRequestInterceptor(document),
    },
    patchDocumentOnRequest: async <TRequest>(request: TRequest, _response: unknown, served: OpenAPIObject) =>
      (request as { url?: string }).url?.includes('swagger-ui-init.js')
        ? documentForDocsPage(served, await readLiveExamples(app), Date.now().toString(36))
        : served,
  });
  const http = app.getHttpAdapter();
  http.get('/', (_request: unknown, response: { redirect(status: number, url: string): void }) =>
    response.redirect(302, '/docs'),
  );
}
