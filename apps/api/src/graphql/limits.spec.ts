import { GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { responseSize } from './limits';

/** Runs the size plugin's last hook on an answer, as Apollo would, and returns the response. */
async function send(maxBytes: number, result: Record<string, unknown>) {
  const size = responseSize(maxBytes);
  const listener = (await size.plugin.requestDidStart!({} as never)) as GraphQLRequestListener<object>;
  const response = {
    http: { status: undefined as number | undefined },
    body: { kind: 'single', singleResult: result },
  };
  await listener.willSendResponse!({ response } as unknown as GraphQLRequestContextWillSendResponse<object>);
  return { size, response };
}

describe('responseSize', () => {
  it('serializes an answer once: Apollo sends the text the plugin measured', async () => {
    const data = { me: { id: 'x' } };
    const { size } = await send(1024, { data });
    const stringify = jest.spyOn(JSON, 'stringify');
    // Apollo copies the result into a new object with the same fields before stringifying it.
    expect(size.stringifyResult({ errors: undefined, data, extensions: undefined })).toBe(
      '{"data":{"me":{"id":"x"}}}\n',
    );
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
  });

  it('replaces an answer over the limit with QUERY_TOO_LARGE and no data', async () => {
    const { response } = await send(1024, { data: { text: 'x'.repeat(1024) } });
    expect(response.http.status).toBe(400);
    expect(response.body.singleResult).toEqual({
      errors: [
        {
          message: 'The answer would be 1044 bytes, over the limit of 1024: ask for fewer or smaller lists.',
          extensions: { code: 'QUERY_TOO_LARGE' },
        },
      ],
    });
  });
});
