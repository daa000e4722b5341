import type { IncomingMessage } from 'node:http';

/**
 * What a request log line may say about the request: its id, method and path. Bodies, GraphQL
 * variables, query strings, headers (tokens, cookies) and so passwords never reach the logs:
 * they carry personal data.
 */
export const logSerializers = {
  req: (req: IncomingMessage & { id?: string | number }) => ({
    id: req.id,
    method: req.method,
    path: req.url?.split('?')[0],
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};
