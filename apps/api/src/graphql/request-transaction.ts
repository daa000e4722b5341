import { Injectable, NestMiddleware } from '@nestjs/common';
import { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
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
 * Ends the request transaction before the answer is sent, so a write the client is told about
 * is committed. It commits only when the answer carries data: the contract's mutations are
 * non-null, so one failed mutation nulls the whole answer, and then nothing of the request stays.
 */
export function requestTransactionPlugin(tx: TransactionHost): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!tx.inRequest()) return;
          const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
          await tx.finish(data !== null && data !== undefined);
        },
      };
    },
  };
}
