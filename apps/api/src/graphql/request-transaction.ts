import { CallHandler, ExecutionContext, Injectable, NestInterceptor, NestMiddleware } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { from, Observable, lastValueFrom } from 'rxjs';
import { TransactionHost } from '@juntos/db';

/** Opens the request's AsyncLocalStorage scope, so one transaction spans the whole operation. */
@Injectable()
export class RequestTransactionMiddleware implements NestMiddleware {
  constructor(private readonly tx: TransactionHost) {}

  use(_req: Request, res: Response, next: NextFunction): void {
    this.tx.runRequest(() => {
      // Safety net: a request that ends without Apollo's last hook never keeps its connection.
      res.once('close', () => void this.tx.finish(false).catch(() => undefined));
      next();
    });
  }
}

/**
 * Ends the request transaction before the answer is sent: a write the client is told about is
 * committed. Each mutation already ran inside its own savepoint, so failed ones left nothing.
 */
export function requestTransactionPlugin(tx: TransactionHost): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse() {
          if (tx.inRequest()) await tx.finish(true);
        },
      };
    },
  };
}

/** Wraps each root mutation in a savepoint: it lands whole or not at all. */
@Injectable()
export class MutationSavepointInterceptor implements NestInterceptor {
  constructor(private readonly tx: TransactionHost) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType<string>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(ctx).getInfo<{ parentType: { name: string } }>();
    if (info.parentType.name !== 'Mutation' || !this.tx.inRequest()) return next.handle();
    return from(this.tx.atomically(() => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
