import { Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { AUTHORIZE_KEY, PUBLIC_KEY } from '@juntos/auth';
import { FEATURE_MODULES } from '../modules';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const RESOLVE_PROPERTY = 'graphql:resolve_property';

/** One GraphQL entry point and what it demands: `Query.me: self`, `Petition.signatures: signatures:read`. */
export interface Declaration {
  operation: string;
  /** The capability, 'PUBLIC', or null when the method declares nothing (the guard then refuses it). */
  capability: string | null;
}

/** Every resolver class provided by the feature modules. */
export function resolverClasses(modules: Type[] = FEATURE_MODULES): Type[] {
  const providers = modules.flatMap(
    (m) => (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, m) ?? []) as unknown[],
  );
  return providers.filter((p): p is Type => typeof p === 'function' && Reflect.hasMetadata(RESOLVER_TYPE, p));
}

/** Every root operation and field resolver with its permission declaration, sorted. */
export function declarations(modules: Type[] = FEATURE_MODULES): Declaration[] {
  const out: Declaration[] = [];
  for (const cls of resolverClasses(modules)) {
    const parent = typeName(Reflect.getMetadata(RESOLVER_TYPE, cls));
    const proto = cls.prototype as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(proto)) {
      const fn = proto[method];
      if (method === 'constructor' || typeof fn !== 'function') continue;
      const rootType = Reflect.getMetadata(RESOLVER_TYPE, fn) as string | undefined;
      const isField = Reflect.getMetadata(RESOLVE_PROPERTY, fn) === true;
      if (!rootType && !isField) continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME, fn) as string | undefined) ?? method;
      const isPublic =
        Reflect.getMetadata(PUBLIC_KEY, fn) === true || Reflect.getMetadata(PUBLIC_KEY, cls) === true;
      const capability = isPublic
        ? 'PUBLIC'
        : ((Reflect.getMetadata(AUTHORIZE_KEY, fn) as string | undefined) ?? null);
      out.push({ operation: `${isField ? parent : rootType}.${name}`, capability });
    }
  }
  return out.sort((a, b) => a.operation.localeCompare(b.operation));
}

/** @Resolver(() => X) stores a thunk; Nest may also store the class or the type name itself. */
function typeName(meta: unknown): string {
  if (typeof meta === 'string') return meta;
  const fn = meta as { name: string; prototype?: unknown } & (() => { name: string });
  return fn.prototype === undefined ? fn().name : fn.name;
}
