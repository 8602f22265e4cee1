import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Json }> }> };

/**
 * A fetch that checks every response against openapi.json: the status must be documented for the
 * operation, the content type must be one the document lists, and the body must match its schema,
 * with no field the schema does not describe (named schemas are closed for this check). Hand it to
 * the SDK in a test, then assert that `failures` is empty.
 */
export class OpenApiResponseValidator {
  readonly failures: string[] = [];
  private readonly document: Json & { paths: Record<string, Record<string, Operation>> };
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(documentPath = join(__dirname, '..', '..', 'openapi.json')) {
    this.document = JSON.parse(readFileSync(documentPath, 'utf8'));
    addFormats(this.ajv);
    this.ajv.addSchema({ ...this.document, components: closeNamedSchemas(this.document.components as Json) }, 'openapi.json');
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const response = await fetch(request);
    await this.check(request, response.clone());
    return response;
  };

  private async check(request: Request, response: Response): Promise<void> {
    const url = new URL(request.url);
    const where = `${request.method} ${url.pathname} → ${response.status}`;
    const match = this.operation(request.method.toLowerCase(), url.pathname);
    if (!match) return void this.failures.push(`${where}: no operation documents this path`);
    const documented = match.operation.responses[String(response.status)];
    if (!documented) return void this.failures.push(`${where}: status not documented for ${match.pointer}`);
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    const content = documented.content?.[mediaType];
    if (!content) return void this.failures.push(`${where}: content type ${mediaType} not documented`);
    if (!mediaType.endsWith('json') || !content.schema) return;
    const pointer = `${match.pointer}/responses/${response.status}/content/${escape(mediaType)}/schema`;
    const validate = this.validator(pointer);
    if (!validate(await response.json())) {
      const errors = (validate.errors ?? []).map((e) => {
        const extra = (e.params as { additionalProperty?: string }).additionalProperty;
        return `body${e.instancePath} ${e.message ?? 'is invalid'}${extra ? `: ${extra}` : ''}`;
      });
      this.failures.push(`${where}: ${errors.join('; ')}`);
    }
  }

  private operation(method: string, pathname: string): { operation: Operation; pointer: string } | undefined {
    for (const [template, item] of Object.entries(this.document.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (pattern.test(pathname) && item[method]) {
        return { operation: item[method], pointer: `#/paths/${escape(template)}/${method}` };
      }
    }
    return undefined;
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi.json${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

/** JSON pointer escaping, then URI-fragment escaping of the result. */
function escape(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** Named object schemas get `additionalProperties: false` unless they say otherwise. */
function closeNamedSchemas(components: Json): Json {
  const schemas = components.schemas as Record<string, Json>;
  const closed = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      schema.type === 'object' && schema.properties && !('additionalProperties' in schema)
        ? { ...schema, additionalProperties: false }
        : schema,
    ]),
  );
  return { ...components, schemas: closed };
}
