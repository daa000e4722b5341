import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '@juntos/common';
import type { Request } from 'express';
import { Actor, RequestContext } from './actor';

export const AUTHORIZE_KEY = 'juntos:authorize';
export const PUBLIC_KEY = 'juntos:public';

/** Marks an endpoint reachable without signing in. Everything else is denied to anonymous callers. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The request, for an HTTP or a GraphQL execution context. */
export function requestOf(ctx: ExecutionContext): Request & { actor?: Actor | null; id?: string } {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext().req;
  return ctx.switchToHttp().getRequest();
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

/** The RequestContext: the Actor the guard has authenticated, the request id and the client IP. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const req = requestOf(ctx);
  if (!req.actor) throw unauthenticated();
  return { actor: req.actor, requestId: String(req.id ?? ''), ip: clientIp(req) };
});
