import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trimToNull } from './transforms';

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
      MaxLength(max, { message: `${String(key)} must be at most ${max.toLocaleString('en')} characters` }),
    )(target, key);
}
