/** class-transformer helpers shared by the GraphQL inputs, applied before class-validator runs. */
type Value = { value: unknown };

export const trim = ({ value }: Value) => (typeof value === 'string' ? value.trim() : value);
/** Blank optional text reads as "none". */
export const trimToNull = ({ value }: Value) => (typeof value === 'string' ? value.trim() || null : value);
export const lowerTrimToNull = ({ value }: Value) =>
  typeof value === 'string' ? value.trim().toLowerCase() || null : value;
export const trimEach = ({ value }: Value) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;
