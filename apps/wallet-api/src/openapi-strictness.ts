import type { OpenAPIObject } from '@nestjs/swagger';

// @nestjs/swagger does not export its OpenAPI types: derive them from the document's.
type PathItemObject = OpenAPIObject['paths'][string];
type OperationObject = NonNullable<PathItemObject['get']>;
type ParameterOrRef = NonNullable<OperationObject['parameters']>[number];
type ParameterObject = Exclude<ParameterOrRef, { $ref: string }>;
type ReferenceObject = { $ref: string };
type SchemaObject = Exclude<NonNullable<ParameterObject['schema']>, ReferenceObject>;
type MediaTypeObject = { schema?: SchemaObject | ReferenceObject };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * What the decorators cannot say, applied to the generated document so that it states exactly
 * what the service enforces and third-party generators (openapi-typescript, @hey-api/openapi-ts,
 * orval; Dredd for parameters) read it as the service behaves:
 * - request bodies are closed (`additionalProperties: false`): unknown fields get a 400;
 * - parameter examples sit on the parameter itself (where Dredd and Swagger UI read them);
 * - an enum property is its `$ref`, not an `allOf` of that one reference (how the swagger module
 *   writes it; Redocly calls that illogical, and some generators make a needless intersection).
 */
export function withStrictContract(document: OpenAPIObject): OpenAPIObject {
  unwrapSingleAllOf(document);
  closeRequestBodies(document);
  moveParameterExamples(document);
  return document;
}

function operations(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item: PathItemObject) =>
    HTTP_METHODS.map((method) => item[method]).filter((op): op is OperationObject => op !== undefined),
  );
}

function resolveSchema(document: OpenAPIObject, schema: SchemaObject | ReferenceObject): SchemaObject | undefined {
  if (!('$ref' in schema)) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const found = document.components?.schemas?.[name];
  return found && !('$ref' in found) ? found : undefined;
}

function unwrapSingleAllOf(document: OpenAPIObject): void {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    if ('$ref' in schema || !schema.properties) continue;
    for (const [name, property] of Object.entries(schema.properties)) {
      if ('$ref' in property || property.allOf?.length !== 1 || Object.keys(property).length !== 1) continue;
      schema.properties[name] = property.allOf[0];
    }
  }
}

/** The validation pipe refuses unknown fields (`forbidNonWhitelisted`): every JSON request body is a closed object. */
function closeRequestBodies(document: OpenAPIObject): void {
  for (const operation of operations(document)) {
    const body = operation.requestBody;
    if (!body || '$ref' in body) continue;
    for (const media of Object.values(body.content) as MediaTypeObject[]) {
      const schema = media.schema && resolveSchema(document, media.schema);
      if (schema && schema.type === 'object' && schema.additionalProperties === undefined) schema.additionalProperties = false;
    }
  }
}

/** `schema.example` → the parameter's own `example` (Dredd reads only that one; Swagger UI prefers it). */
function moveParameterExamples(document: OpenAPIObject): void {
  const parameters: Array<ParameterObject | ReferenceObject> = [
    ...operations(document).flatMap((op) => op.parameters ?? []),
    ...Object.values(document.components?.parameters ?? {}),
  ];
  for (const parameter of parameters) {
    if ('$ref' in parameter || !parameter.schema || '$ref' in parameter.schema) continue;
    const { example, ...schema } = parameter.schema;
    if (example === undefined) continue;
    parameter.example ??= example;
    parameter.schema = schema;
  }
}

const SERVED_DOCUMENTS: Record<
  string,
  { operationId: string; summary: string; description: string; content: Record<string, SchemaObject> }
> = {
  '/openapi.json': {
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI document (JSON)',
    description:
      'The OpenAPI 3.0 document of the API, as committed in the repository (`openapi.json`). Import it into Postman, Insomnia or a client generator.',
    content: { 'application/json': { type: 'object', description: 'An OpenAPI 3.0 document.' } },
  },
  '/openapi.yaml': {
    operationId: 'getOpenApiDocumentYaml',
    summary: 'This OpenAPI document (YAML)',
    description: 'The same document as `/openapi.json`, in YAML.',
    content: { 'text/yaml': { type: 'string', description: 'An OpenAPI 3.0 document in YAML.' } },
  },
  '/docs': {
    operationId: 'getApiReference',
    summary: 'The interactive API reference',
    description:
      'Swagger UI over this document. "Try it out" sends real requests to this service, with a fresh idempotency key ' +
      'for every write unless you type one, and examples built from the running instance (the seeded user alice).',
    content: { 'text/html': { type: 'string', description: 'An HTML page.' } },
  },
};

/** The routes the service serves beside the API (`/`, `/docs`, `/openapi.json`, `/openapi.yaml`), which no controller declares. */
export function withServedDocuments(document: OpenAPIObject): OpenAPIObject {
  for (const [path, served] of Object.entries(SERVED_DOCUMENTS)) {
    document.paths[path] = {
      get: {
        operationId: served.operationId,
        summary: served.summary,
        description: served.description,
        tags: ['operations'],
        security: [],
        'x-no-client-errors': 'Takes no input: public, no parameters, no body.',
        responses: {
          '200': {
            description: served.summary,
            content: Object.fromEntries(Object.entries(served.content).map(([type, schema]) => [type, { schema }])),
          },
        },
      } as OperationObject,
    };
  }
  document.paths['/'] = {
    get: {
      operationId: 'getRoot',
      summary: 'Redirects to the API reference',
      description: 'A browser opening the service lands on `/docs`.',
      tags: ['operations'],
      security: [],
      'x-no-client-errors': 'Takes no input: public, no parameters, no body.',
      responses: {
        '302': {
          description: 'To `/docs`.',
          headers: { Location: { description: 'Always `/docs`.', schema: { type: 'string', enum: ['/docs'] } } },
        },
      },
    } as OperationObject,
  };
  return document;
}
