import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { safeName, ValidationFailedException } from '../errors/domain.exception';
import { FieldError } from '../errors/problem';
import { INHERITED_NAMES } from './json-body.middleware';
import { cacheValidationMetadata } from './validation-metadata-cache';

/**
 * The global pipe: unknown fields are refused, payloads become DTO instances, and every failure
 * is a VALIDATION_FAILED problem listing the fields at fault. class-validator's rules per class are
 * looked up once, not on every validation ({@link cacheValidationMetadata}).
 */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}

export function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix + safeName(error.property);
    const own = Object.entries(error.constraints ?? {})
      .sort(([a], [b]) => priority(a) - priority(b))
      .map(([name, message]) => ({
        field,
        message: name === 'whitelistValidation' ? 'is not an accepted field' : stripProperty(message, error.property),
      }));
    return [...own.slice(0, 1), ...flattenValidationErrors(error.children ?? [], `${field}.`)];
  });
}

/** The most basic problem of a field is reported first: missing or of the wrong type, then its limits. */
const FIRST_CONSTRAINTS = ['whitelistValidation', 'isDefined', 'isString', 'isInt', 'isIn', 'isAmount', 'isMetadata'];

function priority(constraint: string): number {
  const index = FIRST_CONSTRAINTS.indexOf(constraint);
  return index === -1 ? FIRST_CONSTRAINTS.length : index;
}

/** class-validator messages start with the property name; the `field` member already says it. */
function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/**
 * class-validator's whitelist looks field names up in a plain object, finds an inherited member for
 * `constructor`, `__proto__`… and lets them through, so they are refused here, before the DTO is
 * built (bodies are already refused by the JSON middleware; this covers query parameters).
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && typeof value === 'object' && value !== null) {
      const inherited = Object.keys(value).filter((key) => INHERITED_NAMES.has(key));
      if (inherited.length > 0) {
        throw new ValidationFailedException(
          inherited.map((key) => ({ field: safeName(key), message: 'is not an accepted field' })),
        );
      }
    }
    return super.transform(value, metadata);
  }
}
