import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { amountProblem } from './amount';

/** A positive integer amount (JSON integer or digit string), at most 10^15. */
export function IsAmount(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isAmount',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => amountProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'amount'} ${amountProblem(args?.value) ?? 'is invalid'}`,
      },
    });
  };
}
