import { ValidationError, ValidationPipe } from '@nestjs/common';
import { safeName, ValidationFailedException } from '../errors/domain.exception';
import { FieldError } from '../errors/problem';

/**
 * The global pipe: unknown fields are refused, payloads become DTO instances, and every failure
 * is a VALIDATION_FAILED problem listing the fields at fault.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
    const own = Object.entries(error.constraints ?? {}).map(([name, message]) => ({
      field,
      message: name === 'whitelistValidation' ? 'is not an accepted field' : stripProperty(message, error.property),
    }));
    return [...own.slice(0, 1), ...flattenValidationErrors(error.children ?? [], `${field}.`)];
  });
}

/** class-validator messages start with the property name; the `field` member already says it. */
function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
