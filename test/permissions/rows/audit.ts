import { localOf, adminOnlyByLocal, Row } from '../row';

/** The audit module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.auditEvents': {
    call: async (_t, w, where) => ({
      query: 'query($l: ID!) { auditEvents(localId: $l) { totalCount nodes { id action } } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: adminOnlyByLocal,
    check: (data) => expect(data).toMatchObject({ auditEvents: { totalCount: expect.any(Number) } }),
  },
};
