import { registerDecorator, ValidationOptions } from 'class-validator';

export const METADATA_MAX_KEYS = 20;
export const METADATA_MAX_KEY_LENGTH = 64;
export const METADATA_MAX_VALUE_LENGTH = 500;

/** Why a metadata value is refused, or undefined when it is a flat map of short strings. */
export function metadataProblem(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return 'must be an object of string values';
  const entries = Object.entries(value);
  if (entries.length > METADATA_MAX_KEYS) return `must have at most ${METADATA_MAX_KEYS} keys`;
  for (const [key, v] of entries) {
    if (key.length === 0 || key.length > METADATA_MAX_KEY_LENGTH)
      return `keys must be 1 to ${METADATA_MAX_KEY_LENGTH} characters`;
    if (typeof v !== 'string') return 'values must be strings (no numbers, nulls or nested objects)';
    if (v.length > METADATA_MAX_VALUE_LENGTH) return `values must be at most ${METADATA_MAX_VALUE_LENGTH} characters`;
  }
  return undefined;
}

/** A flat object of up to 20 string keys (<= 64 chars) to string values (<= 500 chars), or null. */
export function IsMetadata(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isMetadata',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => metadataProblem(value) === undefined,
        defaultMessage: (args) => `${args?.property ?? 'metadata'} ${metadataProblem(args?.value) ?? 'is invalid'}`,
      },
    });
  };
}
