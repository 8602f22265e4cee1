import 'reflect-metadata';
import { Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsString, registerDecorator, ValidateNested, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: unknown;
}

class Inner {
  @IsInt()
  count!: unknown;
}

class Child extends Base {
  @IsInt()
  amount!: unknown;

  @ValidateNested()
  @Type(() => Inner)
  inner!: unknown;
}

function child(values: Record<string, unknown>, inner: Record<string, unknown>): Child {
  return Object.assign(new Child(), values, { inner: Object.assign(new Inner(), inner) });
}

const failed = (object: object, options = {}) =>
  validateSync(object, { whitelist: true, forbidNonWhitelisted: true, ...options })
    .flatMap((e) => [e.property, ...(e.children ?? []).map((c) => `${e.property}.${c.property}`)])
    .sort();

describe('cacheValidationMetadata', () => {
  const storage = getMetadataStorage();
  const lookUps: string[] = [];
  const original = storage.getTargetValidationMetadatas.bind(storage);

  beforeAll(() => {
    storage.getTargetValidationMetadatas = (target, ...rest) => {
      lookUps.push(target.name);
      return original(target, ...rest);
    };
    cacheValidationMetadata(storage);
    cacheValidationMetadata(storage); // idempotent: installed once
  });

  it('validates as class-validator does: own, inherited and nested rules, unknown fields refused', () => {
    expect(failed(child({ name: 'a', amount: 1 }, { count: 2 }))).toEqual([]);
    expect(failed(child({ name: 1, amount: 'x' }, { count: 'y' }))).toEqual(['amount', 'inner', 'inner.count', 'name']);
    expect(failed(child({ name: 'a', amount: 1, extra: true }, { count: 2 }))).toEqual(['extra']);
  });

  it('works out the rules of a class once per set of options, not on every validation', () => {
    lookUps.length = 0;
    for (let i = 0; i < 5; i++) failed(child({ name: 'a', amount: i }, { count: i }));
    expect(lookUps).toEqual([]); // answered from what the first test worked out
    failed(child({ name: 'a', amount: 1 }, { count: 1 }), { groups: ['other'] });
    expect(lookUps).toEqual(['Child']); // other options: worked out once more (the nested rule has no group)
  });

  it('drops what it remembered when a rule is registered later', () => {
    expect(failed(child({ name: 'a', amount: 1 }, { count: 2 }))).toEqual([]);
    registerDecorator({
      name: 'isEven',
      target: Inner,
      propertyName: 'count',
      validator: { validate: (value: unknown) => typeof value === 'number' && value % 2 === 0 },
    });
    expect(failed(child({ name: 'a', amount: 1 }, { count: 3 }))).toEqual(['inner', 'inner.count']);
    expect(failed(child({ name: 'a', amount: 1 }, { count: 4 }))).toEqual([]);
  });
});
