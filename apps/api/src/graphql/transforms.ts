/**
 * class-transformer helpers shared by every input (GraphQL inputs and the REST DTOs), applied
 * before class-validator runs. The one place these are defined: a DTO imports them from here.
 */
type Value = { value: unknown };

export const trim = ({ value }: Value) => (typeof value === 'string' ? value.trim() : value);
/** Email addresses and tags: compared and stored lowercase. */
export const lowerTrim = ({ value }: Value) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
/** Blank optional text reads as "none". */
export const trimToNull = ({ value }: Value) => (typeof value === 'string' ? value.trim() || null : value);
export const lowerTrimToNull = ({ value }: Value) =>
  typeof value === 'string' ? value.trim().toLowerCase() || null : value;
export const trimEach = ({ value }: Value) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
/** Applies `normalize` to a list, and leaves anything else for the validators to refuse. */
export const whenList =
  (normalize: (list: unknown[]) => unknown) =>
  ({ value }: Value) =>
    Array.isArray(value) ? normalize(value) : value;
