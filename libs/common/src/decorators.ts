/**
 * Property decorators applied in the order they would run written one above the other in a class
 * (the lowest first), so that a composed decorator's validators report in the same order as when
 * each field spelled them out.
 */
export const stacked =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorate of [...decorators].reverse()) decorate(target, key);
  };
