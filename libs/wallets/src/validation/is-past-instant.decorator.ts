import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * An RFC 3339 date-time: a calendar date, `T`, a time with an optional fraction of 1 to 9 digits,
 * and `Z` or an offset (`+01:00`). Lenient in form, exact in meaning: the offset is applied, and a
 * fraction beyond milliseconds is cut to the millisecond — exact for comparing with transaction
 * timestamps, which are whole milliseconds (`t <= 00:00:00.1239` exactly when `t <= 00:00:00.123`).
 * Refused: a date alone, a time without `Z` or offset (whose local time?), epoch numbers, a leap
 * second, impossible dates (`02-30`).
 */
export const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** 0001-01-01T00:00:00.000Z: PostgreSQL has no year 0, and an earlier instant names no transaction anyway. */
const EARLIEST = -62_135_596_800_000;
const FORMAT_HINT =
  'must be an RFC 3339 date-time such as 2026-11-30T00:00:00.000Z (an offset such as +01:00 is sent as %2B01:00)';

/** The instant a string names (milliseconds), or undefined when it is not an RFC 3339 date-time. */
export function parseInstant(text: string): Date | undefined {
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined; // 02-30, 04-31
  date.setUTCHours(hour, minute, second, millis);
  const zone = m[8];
  if (zone !== 'Z' && zone !== 'z') {
    const [offsetHours, offsetMinutes] = zone.slice(1).split(':').map(Number);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    const sign = zone.startsWith('-') ? -1 : 1;
    date.setTime(date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
  }
  return date;
}

/** Why a value is not a past instant, or undefined when it is one (`now` in ms since the epoch). */
export function pastInstantProblem(value: unknown, now: number = Date.now()): string | undefined {
  if (typeof value !== 'string') return FORMAT_HINT;
  const instant = parseInstant(value);
  if (!instant) return FORMAT_HINT;
  if (instant.getTime() < EARLIEST) return 'must be at or after 0001-01-01T00:00:00Z';
  if (instant.getTime() > now) return 'must not be in the future';
  return undefined;
}

/** An RFC 3339 date-time (see INSTANT_PATTERN) that is not in the future, by the service's clock. */
export function IsPastInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPastInstant',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => pastInstantProblem(value) === undefined,
        defaultMessage: (args) => `${args?.property ?? 'value'} ${pastInstantProblem(args?.value) ?? 'is invalid'}`,
      },
    });
  };
}
