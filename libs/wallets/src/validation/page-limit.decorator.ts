import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

/** An optional `limit` query parameter: a whole number from 1 to 200 (documented with its default). */
export function PageLimit(defaultValue: number, example: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: defaultValue, example }),
    IsOptional(),
    Transform(toInteger),
    IsInt({ message: 'must be a whole number from 1 to 200' }),
    Min(1),
    Max(200),
  );
}
