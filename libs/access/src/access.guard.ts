import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '@juntos/common';
import { Actor, AUTHORIZE_KEY, JwtAuthGuard, PUBLIC_KEY, requestOf } from '@juntos/auth';
import { allowedAtEdge } from './access.service';
import { Capability } from './capabilities';

/**
 * The global guard. It denies by default: an endpoint with neither @Authorize nor @Public is
 * refused for everyone. It authenticates once per request: loading the Actor is the request
 * transaction's first statement, which scopes it to the Actor's locals.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtAuthGuard,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const cap = this.reflector.getAllAndOverride<Capability>(AUTHORIZE_KEY, targets);
    if (!cap) throw forbidden('This operation declares no permission, so it is refused.');

    const req = requestOf(ctx) as ReturnType<typeof requestOf> & { authenticating?: Promise<Actor | null> };
    // Sibling root fields run their guards concurrently: they share one authentication.
    req.authenticating ??= this.authenticate(ctx, req);
    const actor = await req.authenticating;
    if (!actor) throw unauthenticated();
    if (!allowedAtEdge(actor, cap, namedLocal(ctx))) throw forbidden();
    return true;
  }

  private async authenticate(
    ctx: ExecutionContext,
    req: ReturnType<typeof requestOf>,
  ): Promise<Actor | null> {
    await this.jwt.canActivate(ctx);
    // Loading the Actor began the request transaction, scoped to the Actor's locals.
    req.actor = (req.user as Actor | null) ?? null;
    return req.actor;
  }
}

/** The local an operation names: a `localId` argument or input field, or a field's parent record. */
function namedLocal(ctx: ExecutionContext): string | undefined {
  if (ctx.getType<string>() !== 'graphql') return undefined;
  const gql = GqlExecutionContext.create(ctx);
  const args = gql.getArgs<{ localId?: unknown; input?: { localId?: unknown } }>();
  const parent = gql.getRoot<{ localId?: unknown } | undefined>();
  const candidate = args.localId ?? args.input?.localId ?? parent?.localId;
  return typeof candidate === 'string' ? candidate : undefined;
}
