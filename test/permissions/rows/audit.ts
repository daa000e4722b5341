import { adminOnlyByLocal, inLocal, Row } from '../row';

/** The audit module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.auditEvents': {
    call: inLocal('query($l: ID!) { auditEvents(localId: $l) { totalCount nodes { id action } } }'),
    expect: adminOnlyByLocal,
    check: (data) => expect(data).toMatchObject({ auditEvents: { totalCount: expect.any(Number) } }),
  },
};
