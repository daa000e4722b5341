import { makePetition, makeSignature } from '@juntos/test-support';
import { localOf, organizingOwnLocal, byIdWrite, memberIn, byId, listInLocal, readById, Row } from '../row';

/** The petitions module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.petitions': listInLocal(
    'query($l: ID!) { petitions(localId: $l) { totalCount nodes { id goal progress } } }',
  ),
  'Query.petition': readById('query($id: ID!) { petition(id: $id) { id signatureCount } }', (t, w, where) =>
    makePetition(t.db, localOf(w, where).id, { workplaceId: localOf(w, where).assigned }),
  ),
  'Mutation.createPetition': {
    call: async (_t, w, where) => ({
      query: 'mutation($input: PetitionInput!) { createPetition(input: $input) { id goal status } }',
      variables: {
        input: {
          localId: localOf(w, where).id,
          workplaceId: localOf(w, where).assigned,
          title: 'No raids',
          demand: 'Keep ICE out',
          target: 'Plant manager',
        },
      },
    }),
    expect: organizingOwnLocal,
    // The assigned site has a headcount of 40: a majority is 21.
    check: (data) =>
      expect(data).toEqual({ createPetition: { id: expect.any(String), goal: 21, status: 'DRAFT' } }),
  },
  'Mutation.openPetition': {
    call: byId('mutation($id: ID!) { openPetition(id: $id) { status } }', (t, w, where) =>
      makePetition(t.db, localOf(w, where).id),
    ),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
    check: (data) => expect(data).toEqual({ openPetition: { status: 'OPEN' } }),
  },
  'Mutation.deliverPetition': {
    call: byId('mutation($id: ID!) { deliverPetition(id: $id) { status } }', (t, w, where) =>
      makePetition(t.db, localOf(w, where).id, { status: 'OPEN' }),
    ),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.closePetition': {
    call: byId('mutation($id: ID!) { closePetition(id: $id, status: CLOSED) { status } }', (t, w, where) =>
      makePetition(t.db, localOf(w, where).id, { status: 'OPEN' }),
    ),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.addSignature': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      return {
        query:
          'mutation($input: AddSignatureInput!) { addSignature(input: $input) { id method member { id } } }',
        variables: {
          input: {
            petitionId: await makePetition(t.db, local.id, { workplaceId: local.assigned, status: 'OPEN' }),
            memberId: await memberIn(t, w, where),
            method: 'PAPER',
          },
        },
      };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
  },
  'Mutation.removeSignature': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      const petition = await makePetition(t.db, local.id, { status: 'OPEN' });
      const id = await makeSignature(
        t.db,
        local.id,
        petition,
        await memberIn(t, w, where),
        local.users.ORGANIZER.id,
      );
      return { query: 'mutation($id: ID!) { removeSignature(id: $id) }', variables: { id } };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
    check: (data) => expect(data).toEqual({ removeSignature: true }),
  },
};
