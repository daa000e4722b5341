import type { IncomingMessage } from 'node:http';
import { logSerializers } from './logging';

describe('log serializers', () => {
  it('keep the request id, method and path, and drop everything that may carry personal data', () => {
    const req = {
      id: 'req-1',
      method: 'POST',
      url: '/graphql?query=%7Bmember(id%3A%221%22)%7Bphone%7D%7D&variables=%7B%7D',
      headers: { authorization: 'Bearer secret-token', cookie: 'sid=1' },
      body: {
        query: 'mutation { createMember(input: {firstName: "Rosa"}) { id } }',
        password: 'hunter2hunter2',
      },
    } as unknown as IncomingMessage & { id: string };
    const logged = logSerializers.req(req);
    expect(logged).toEqual({ id: 'req-1', method: 'POST', path: '/graphql' });
    expect(JSON.stringify(logged)).not.toMatch(/secret-token|Rosa|hunter2|phone|sid=/);
  });

  it('keep only the status of a response', () => {
    expect(logSerializers.res({ statusCode: 200, headers: { 'set-cookie': 'x' } } as never)).toEqual({
      statusCode: 200,
    });
  });
});
