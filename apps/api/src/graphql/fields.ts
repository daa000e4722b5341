import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, ValidateBy, ValidateIf } from 'class-validator';
import { stacked } from '@juntos/common';
import { trim, trimToNull } from './transforms';

/**
 * A text's length as Postgres counts it, in code points. class-validator's Length leaves out
 * emoji variation selectors (U+FE0E, U+FE0F), so '⚠️' would pass as 1 character and then break
 * the column's check as 2.
 */
function CharacterLength(min: number, max: number, message: string): PropertyDecorator {
  return ValidateBy({
    name: 'characterLength',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        let n = 0;
        for (const _ of value) if (++n > max) return false;
        return n >= min;
      },
      defaultMessage: () => message,
    },
  });
}

/** An id in an input. A malformed one answers BAD_USER_INPUT: "<field> must be an id". */
export function IdField(opts: { optional?: boolean; description?: string } = {}): PropertyDecorator {
  return (target, key) =>
    applyDecorators(
      Field(() => ID, { nullable: opts.optional, description: opts.description }),
      ...(opts.optional ? [IsOptional()] : []),
      IsUUID('all', { message: `${String(key)} must be an id` }),
    )(target, key);
}

/** Optional free text: trimmed, blank reads as none, at most `max` characters. */
export function OptionalText(max: number, description?: string): PropertyDecorator {
  return (target, key) =>
    applyDecorators(
      Field(() => String, { nullable: true, description }),
      Transform(trimToNull),
      IsOptional(),
      IsString(),
      CharacterLength(0, max, `${String(key)} must be at most ${max.toLocaleString('en')} characters`),
    )(target, key);
}

/**
 * Required text: trimmed, 1 to `max` characters. With `mayLeaveOut` (an update), the field may be
 * left out to keep the value, but not cleared: null is refused like a blank.
 */
export function RequiredText(
  max: number,
  opts: { description?: string; mayLeaveOut?: boolean } = {},
): PropertyDecorator {
  return (target, key) =>
    stacked(
      Field(() => String, { nullable: opts.mayLeaveOut, description: opts.description }),
      Transform(trim),
      ...(opts.mayLeaveOut
        ? [ValidateIf((o: Record<string | symbol, unknown>) => o[key] !== undefined)]
        : []),
      IsString(),
      CharacterLength(1, max, `${String(key)} must be 1 to ${max.toLocaleString('en')} characters`),
    )(target, key);
}

/** An optional date and time; a value that is not one answers "<field> must be a date and time". */
export function OptionalDate(description?: string): PropertyDecorator {
  return (target, key) =>
    stacked(
      Field(() => Date, { nullable: true, description }),
      IsOptional(),
      IsDate({ message: `${String(key)} must be a date and time` }),
    )(target, key);
}
