import { Injectable, NestMiddleware } from '@nestjs/common';
import { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { isConnectionFailure, TransactionHost } from '@juntos/db';
import { DATABASE_UNAVAILABLE } from './format-error';

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
          if (!tx.inRequest() || response.body.kind !== 'single') return;
          const data = response.body.singleResult.data;
          try {
            await tx.finish(data !== null && data !== undefined);
          } catch (e) {
            // The commit failed (the connection died): nothing the answer claims was stored.
            if (!isConnectionFailure(e)) throw e;
            response.body.singleResult = {
              data: null,
              errors: [{ message: DATABASE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }],
            };
          }
        },
      };
    },
  };
}
