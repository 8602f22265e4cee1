import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const API_VERSION = '1.0.0';

/** The OpenAPI document, generated from the controllers and DTOs (no database needed). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Dino Wallet API')
    .setDescription(
      'Virtual wallets for games on a double-entry ledger. Amounts are whole units of an asset, sent as JSON integers ' +
        'or digit strings and always returned as digit strings. Every write needs an idempotency key ' +
        '(`Idempotency-Key` header or `idempotencyKey` body field); retrying with the same key never moves money twice. ' +
        'Errors are RFC 9457 problems (`application/problem+json`) with a machine-readable `code`.',
    )
    .setVersion(API_VERSION)
    .addServer('http://localhost:3000', 'Local development')
    .addTag('users')
    .addTag('assets')
    .addTag('wallet operations', 'Writes: each moves money between two accounts under an idempotency key')
    .addTag('transactions')
    .addTag('ledger')
    .addTag('operations', 'Health probes and metrics')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
  });
}

/** Serves the interactive reference at /docs and the document at /openapi.json. */
export function setupOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
