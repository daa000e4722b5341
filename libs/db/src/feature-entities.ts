import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { TypeOrmModule } from '@nestjs/typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityClass = Function;

type ModuleRef = Type | DynamicModule | ForwardReference | Promise<DynamicModule> | undefined;

const registered = new WeakMap<object, readonly EntityClass[]>();

/**
 * A feature module's own entities, for its `imports`: TypeOrmModule.forFeature (which the app's
 * DataSource loads through autoLoadEntities), remembered so entitiesOf() finds them outside Nest.
 */
export function featureEntities(entities: EntityClass[]): DynamicModule {
  const feature = TypeOrmModule.forFeature(entities);
  registered.set(feature, [...entities]);
  return feature;
}

/**
 * The entities the given Nest modules register with featureEntities(), found by walking their
 * imports: the list autoLoadEntities gives the app's DataSource, for the DataSources made outside
 * Nest that must know every entity (the migration CLI's generate, the migrations test).
 */
export function entitiesOf(modules: readonly ModuleRef[]): EntityClass[] {
  const entities = new Set<EntityClass>();
  const seen = new Set<unknown>();
  const walk = (ref: ModuleRef): void => {
    if (!ref || ref instanceof Promise || seen.has(ref)) return;
    seen.add(ref);
    if ('forwardRef' in ref) return walk(ref.forwardRef());
    if ('module' in ref) {
      registered.get(ref)?.forEach((e) => entities.add(e));
      ref.imports?.forEach(walk);
      return walk(ref.module);
    }
    (Reflect.getMetadata(MODULE_METADATA.IMPORTS, ref) as ModuleRef[] | undefined)?.forEach(walk);
  };
  modules.forEach(walk);
  return [...entities];
}
