import { Injectable, PipeTransform } from '@nestjs/common';
import { badInput, isUuid } from '@juntos/common';

/** IDs are UUIDs: anything else is refused at the edge rather than reaching SQL. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !isUuid(value)) throw badInput('Not a valid id.', 'id');
    return value.toLowerCase();
  }
}

/** As UuidPipe, for an optional id argument: absent or null passes as null. */
@Injectable()
export class OptionalUuidPipe implements PipeTransform<unknown, string | null> {
  transform(value: unknown): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || !isUuid(value)) throw badInput('Not a valid id.', 'workplaceId');
    return value.toLowerCase();
  }
}
