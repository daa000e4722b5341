import {
  makeMember,
  makePetition,
  makeSignature,
  makeWorkplace,
  useWorld,
  whileRowHeld,
} from '@juntos/test-support';

const CREATE =
  'mutation($input: PetitionInput!) { createPetition(input: $input) { id goal status openedAt workplace { id } } }';
const SIGN =
  'mutation($input: AddSignatureInput!) { addSignature(input: $input) { id method signedAt member { id } collectedBy { id } } }';
const PETITION = `query($id: ID!) { petition(id: $id) {
  id title status goal signatureCount progress openedAt deliveredAt
  byUnit { unit { name } members signed }
  signatures(first: 100) { totalCount nodes { member { id firstName } } }
} }`;

describe('petitions and signatures', () => {
  const ctx = useWorld();
  const org = () => ctx.w.own.users.ORGANIZER.token;

  it('opens a petition at a 40-worker site with a goal of 21', async () => {
    const { t, w } = ctx;
    const created = await t.gql<{ createPetition: { id: string; goal: number; status: string } }>(
      org(),
      CREATE,
      {
        input: {
          localId: w.own.id,
          workplaceId: w.own.assigned,
          title: 'Keep ICE out of the shop floor',
          demand: 'Keep immigration agents out of non-public areas unless they show a judicial warrant.',
          target: 'Plant management',
        },
      },
    );
    expect(created.data!.createPetition).toMatchObject({ goal: 21, status: 'DRAFT' });
    const opened = await t.gql(org(), 'mutation($id: ID!) { openPetition(id: $id) { status openedAt } }', {
      id: created.data!.createPetition.id,
    });
    expect(opened.data).toEqual({ openPetition: { status: 'OPEN', openedAt: expect.any(String) } });
  });

  it('needs a goal for a local-wide petition and a workplace without headcount', async () => {
    const { t, w } = ctx;
    const base = { localId: w.own.id, title: 'T', demand: 'D', target: 'X' };
    const localWide = await t.gql(org(), CREATE, { input: base });
    expect(localWide.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goal' });
    const site = await makeWorkplace(t.db, w.own.id);
    const noHeadcount = await t.gql(org(), CREATE, { input: { ...base, workplaceId: site } });
    expect(noHeadcount.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goal' });
    expect((await t.gql(org(), CREATE, { input: { ...base, goal: 0 } })).errors?.[0].extensions.field).toBe(
      'goal',
    );
    expect((await t.gql(org(), CREATE, { input: { ...base, goal: 1 } })).errors).toBeUndefined();
    expect(
      (await t.gql(org(), CREATE, { input: { ...base, goal: 5, title: 'x'.repeat(201) } })).errors?.[0]
        .extensions.field,
    ).toBe('title');
    expect(
      (await t.gql(org(), CREATE, { input: { ...base, goal: 5, demand: 'x'.repeat(5001) } })).errors?.[0]
        .extensions.field,
    ).toBe('demand');
  });

  it('walks the status machine, refusing moves out of order and naming the state', async () => {
    const { t, w } = ctx;
    const id = await makePetition(t.db, w.own.id);
    const move = (m: string) =>
      t.gql<Record<string, { status: string }>>(
        org(),
        `mutation($id: ID!) { ${m} { status openedAt deliveredAt } }`,
        { id },
      );
    const early = await move('deliverPetition(id: $id)');
    expect(early.errors?.[0]).toMatchObject({
      message: 'The petition is DRAFT: it can move to OPEN or CLOSED, not DELIVERED.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await move('closePetition(id: $id, status: WON)')).errors?.[0].message).toContain(
      'The petition is DRAFT',
    );
    expect((await move('openPetition(id: $id)')).data!.openPetition.status).toBe('OPEN');
    expect((await move('openPetition(id: $id)')).errors?.[0].message).toContain('The petition is OPEN');
    const delivered = await move('deliverPetition(id: $id)');
    expect(delivered.data!.deliverPetition).toMatchObject({
      status: 'DELIVERED',
      deliveredAt: expect.any(String),
    });
    expect((await move('closePetition(id: $id, status: OPEN)')).errors?.[0].message).toBe(
      'closePetition takes WON, LOST or CLOSED.',
    );
    expect((await move('closePetition(id: $id, status: WON)')).data!.closePetition.status).toBe('WON');
    expect((await move('closePetition(id: $id, status: CLOSED)')).data!.closePetition.status).toBe('CLOSED');
    expect((await move('closePetition(id: $id, status: CLOSED)')).errors?.[0].message).toContain(
      'cannot change any more',
    );
  });

  it('answers CONFLICT when the petition moved between reading it and moving it, and writes nothing', async () => {
    const { t, w } = ctx;
    const id = await makePetition(t.db, w.own.id, { status: 'OPEN' });
    // The request has read OPEN and waits on the row to move it: close it meanwhile.
    const answer = await whileRowHeld(
      t.db,
      { table: 'petition', id },
      () => t.gql(org(), 'mutation($id: ID!) { deliverPetition(id: $id) { status } }', { id }),
      (holder) => holder.query(`update petition set status = 'CLOSED' where id = $1`, [id]),
    );
    expect(answer.errors?.[0]).toMatchObject({
      message: 'The petition changed meanwhile: load it again.',
      extensions: { code: 'CONFLICT', field: 'status' },
    });
    const stored = await t.db.query('select status from petition where id = $1', [id]);
    const events = await t.db.query('select 1 from audit_event where target_id = $1', [id]);
    expect([stored.rows[0].status, events.rowCount]).toEqual(['CLOSED', 0]);
  });

  it("collects signatures only while OPEN, from the petition's workplace, and once per member", async () => {
    const { t, w } = ctx;
    const draft = await makePetition(t.db, w.own.id, { workplaceId: w.own.assigned });
    const member = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const notYet = await t.gql(org(), SIGN, {
      input: { petitionId: draft, memberId: member, method: 'PAPER' },
    });
    expect(notYet.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('this one is DRAFT'),
    });

    const open = await makePetition(t.db, w.own.id, { workplaceId: w.own.assigned, status: 'OPEN' });
    const elsewhere = await makeMember(t.db, w.own.id, { workplaceId: w.own.unassigned });
    const wrongSite = await t.gql(org(), SIGN, {
      input: { petitionId: open, memberId: elsewhere, method: 'PAPER' },
    });
    expect(wrongSite.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    const foreign = await makeMember(t.db, w.other.id, { workplaceId: w.other.assigned });
    expect(
      (await t.gql(org(), SIGN, { input: { petitionId: open, memberId: foreign, method: 'PAPER' } }))
        .errors?.[0].extensions.code,
    ).toBe('NOT_FOUND');

    const first = await t.gql<{ addSignature: { id: string } }>(org(), SIGN, {
      input: { petitionId: open, memberId: member, method: 'VERBAL' },
    });
    const again = await t.gql<{ addSignature: { id: string } }>(org(), SIGN, {
      input: { petitionId: open, memberId: member, method: 'DIGITAL' },
    });
    expect(again.data!.addSignature.id).toBe(first.data!.addSignature.id);
    expect(
      (await t.gql<{ petition: { signatureCount: number } }>(org(), PETITION, { id: open })).data!.petition
        .signatureCount,
    ).toBe(1);
  });

  it('lets a steward collect from their workplaces only, and see only those signers', async () => {
    const { t, w } = ctx;
    const steward = w.own.users.STEWARD.token;
    const localWide = await makePetition(t.db, w.own.id, { status: 'OPEN' });
    const mine = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, firstName: 'Mine' });
    const theirs = await makeMember(t.db, w.own.id, { workplaceId: w.own.unassigned, firstName: 'Theirs' });
    expect(
      (await t.gql(steward, SIGN, { input: { petitionId: localWide, memberId: mine, method: 'PAPER' } }))
        .errors,
    ).toBeUndefined();
    expect(
      (await t.gql(steward, SIGN, { input: { petitionId: localWide, memberId: theirs, method: 'PAPER' } }))
        .errors?.[0].extensions.code,
    ).toBe('NOT_FOUND');
    await t.gql(org(), SIGN, { input: { petitionId: localWide, memberId: theirs, method: 'PAPER' } });

    const seen = await t.gql<{
      petition: { signatureCount: number; signatures: { nodes: { member: { firstName: string } }[] } };
    }>(steward, PETITION, { id: localWide });
    expect(seen.data!.petition.signatureCount).toBe(2); // counts are for everyone in the local
    expect(seen.data!.petition.signatures.nodes.map((n) => n.member.firstName)).toEqual(['Mine']);
  });

  it('keeps counts exact under parallel signing: 20 identical calls, then 50 different members', async () => {
    const { t, w } = ctx;
    const petition = await makePetition(t.db, w.own.id, { status: 'OPEN', goal: 100 });
    const member = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const same = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.gql<{ addSignature: { id: string } }>(org(), SIGN, {
          input: { petitionId: petition, memberId: member, method: 'PAPER' },
        }),
      ),
    );
    expect(same.every((r) => r.errors === undefined)).toBe(true);
    expect(new Set(same.map((r) => r.data!.addSignature.id)).size).toBe(1);

    const others = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, lastName: `Parallel ${i}` }),
      ),
    );
    const results = await Promise.all(
      others.map((m, i) =>
        t.gql(i % 2 ? org() : w.own.users.STEWARD.token, SIGN, {
          input: { petitionId: petition, memberId: m, method: 'DIGITAL' },
        }),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const after = await t.gql<{ petition: { signatureCount: number; progress: number } }>(org(), PETITION, {
      id: petition,
    });
    expect(after.data!.petition).toMatchObject({ signatureCount: 51, progress: 0.51 });
    expect(
      (await t.db.query('select count(*)::int as n from signature where petition_id = $1', [petition]))
        .rows[0].n,
    ).toBe(51);
  });

  it('changes no signature after a close commits: 3 rounds of 40 signers and 10 removals in parallel with a close', async () => {
    const { t, w } = ctx;
    const CLOSE = 'mutation($id: ID!) { closePetition(id: $id, status: CLOSED) { status signatureCount } }';
    const REMOVE = 'mutation($id: ID!) { removeSignature(id: $id) }';
    for (let round = 0; round < 3; round++) {
      const petition = await makePetition(t.db, w.own.id, { status: 'OPEN', goal: 40 });
      const member = (i: number) =>
        makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, lastName: `Closing ${round}.${i}` });
      const signers = await Promise.all(Array.from({ length: 40 }, (_, i) => member(i)));
      const earlier = await Promise.all(
        Array.from({ length: 10 }, async (_, i) =>
          makeSignature(t.db, w.own.id, petition, await member(100 + i), w.own.users.ORGANIZER.id),
        ),
      );
      const sign = (m: string, i: number) =>
        t.gql<{ addSignature: { id: string } }>(i % 2 ? org() : w.own.users.STEWARD.token, SIGN, {
          input: { petitionId: petition, memberId: m, method: 'PAPER' },
        });
      const remove = (id: string) => t.gql<{ removeSignature: boolean }>(org(), REMOVE, { id });
      // The close is sent among the others, after half of them.
      const first = [...signers.slice(0, 20).map(sign), ...earlier.slice(0, 5).map(remove)];
      const close = t.gql<{ closePetition: { status: string; signatureCount: number } }>(
        w.own.users.LOCAL_ADMIN.token,
        CLOSE,
        { id: petition },
      );
      const second = [...signers.slice(20).map((m, i) => sign(m, i + 20)), ...earlier.slice(5).map(remove)];
      const settled = await Promise.all([...first, ...second]);
      const closed = await close;

      expect([...settled, closed].filter((r) => r.status !== 200)).toEqual([]);
      expect(closed.errors).toBeUndefined();
      expect(closed.data!.closePetition.status).toBe('CLOSED');
      const done = (r: (typeof settled)[number]) => !r.errors;
      const added = settled.filter(
        (r) => done(r) && (r.data as { addSignature?: unknown }).addSignature,
      ).length;
      const removed = settled.filter(
        (r) => done(r) && (r.data as { removeSignature?: unknown }).removeSignature,
      ).length;
      // Every refusal says why: the petition is no longer collecting.
      expect(
        settled
          .filter((r) => r.errors)
          .filter(
            (r) =>
              r.errors?.[0].extensions.code !== 'BAD_USER_INPUT' ||
              !['petitionId', 'id'].includes(r.errors[0].extensions.field ?? '') ||
              !/this one is CLOSED/.test(r.errors[0].message),
          ),
      ).toEqual([]);
      // Nothing changed after the close: the count it answered is what is stored, and is exactly
      // the earlier signatures, plus those the API accepted, minus those it removed.
      const stored = (
        await t.db.query('select count(*)::int as n from signature where petition_id = $1', [petition])
      ).rows[0].n;
      expect({ atClose: closed.data!.closePetition.signatureCount, stored }).toEqual({
        atClose: 10 + added - removed,
        stored: 10 + added - removed,
      });
    }
  });

  it('tallies signatures by unit, against members who are not archived', async () => {
    const { t, w } = ctx;
    const site = await makeWorkplace(t.db, w.own.id, { name: 'Tally Bakery', headcount: 9 });
    const unit = async (name: string) =>
      (
        await t.db.query('insert into unit (local_id, workplace_id, name) values ($1, $2, $3) returning id', [
          w.own.id,
          site,
          name,
        ])
      ).rows[0].id;
    const day = await unit('Day shift');
    const night = await unit('Night shift');
    await unit('Weekend');
    const add = async (unitId: string, archived = false) =>
      (
        await t.db.query(
          'insert into member (local_id, workplace_id, unit_id, first_name, last_name, archived_at) values ($1, $2, $3, $4, $5, $6) returning id',
          [w.own.id, site, unitId, 'T', 'Worker', archived ? new Date() : null],
        )
      ).rows[0].id;
    // Day: 4 members, 3 sign. Night: 3 members (and 1 archived), 1 signs. Weekend: nobody yet.
    const dayMembers = [await add(day), await add(day), await add(day), await add(day)];
    const nightMembers = [await add(night), await add(night), await add(night)];
    await add(night, true);
    const petition = await makePetition(t.db, w.own.id, { workplaceId: site, status: 'OPEN', goal: 5 });
    for (const m of [...dayMembers.slice(0, 3), nightMembers[0]])
      await t.gql(org(), SIGN, { input: { petitionId: petition, memberId: m, method: 'PAPER' } });
    const res = await t.gql<{ petition: { byUnit: unknown[]; signatureCount: number; progress: number } }>(
      org(),
      PETITION,
      { id: petition },
    );
    expect(res.data!.petition.byUnit).toEqual([
      { unit: { name: 'Day shift' }, members: 4, signed: 3 },
      { unit: { name: 'Night shift' }, members: 3, signed: 1 },
      { unit: { name: 'Weekend' }, members: 0, signed: 0 },
    ]);
    expect(res.data!.petition).toMatchObject({ signatureCount: 4, progress: 0.8 });
  });

  it('shows a board member the progress without a single name', async () => {
    const { t, w } = ctx;
    const petition = await makePetition(t.db, w.own.id, { status: 'OPEN', goal: 4 });
    const m = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, firstName: 'Secret' });
    await t.gql(org(), SIGN, { input: { petitionId: petition, memberId: m, method: 'PAPER' } });
    const res = await t.gql<{ petition: Record<string, unknown> }>(w.own.users.BOARD_MEMBER.token, PETITION, {
      id: petition,
    });
    expect(res.errors?.map((e) => [e.extensions.code, e.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'petition.signatures'],
    ]);
    expect(res.data!.petition).toMatchObject({
      signatureCount: 1,
      progress: 0.25,
      status: 'OPEN',
      signatures: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('Secret');
  });

  it('counts exactly right after a signer is erased, and after a signature is removed', async () => {
    const { t, w } = ctx;
    const petition = await makePetition(t.db, w.own.id, { status: 'OPEN', goal: 2 });
    const a = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const b = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    await t.gql(org(), SIGN, { input: { petitionId: petition, memberId: a, method: 'PAPER' } });
    const sb = await t.gql<{ addSignature: { id: string } }>(org(), SIGN, {
      input: { petitionId: petition, memberId: b, method: 'PAPER' },
    });
    const count = async () =>
      (
        await t.gql<{ petition: { signatureCount: number; progress: number } }>(org(), PETITION, {
          id: petition,
        })
      ).data!.petition;
    expect(await count()).toMatchObject({ signatureCount: 2, progress: 1 });
    await t.gql(w.own.users.LOCAL_ADMIN.token, 'mutation($id: ID!) { eraseMember(id: $id) }', { id: a });
    expect(await count()).toMatchObject({ signatureCount: 1, progress: 0.5 });
    expect(
      (
        await t.gql(org(), 'mutation($id: ID!) { removeSignature(id: $id) }', {
          id: sb.data!.addSignature.id,
        })
      ).data,
    ).toEqual({ removeSignature: true });
    expect(await count()).toMatchObject({ signatureCount: 0, progress: 0 });
    const audit = await t.db.query(
      `select action from audit_event where action like 'signature.%' and local_id = $1`,
      [w.own.id],
    );
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['signature.add', 'signature.remove']),
    );
  });
  describe('nested fields show a steward no more than workplace(id) would', () => {
    const NESTED = `workplace { id name employer address headcount memberCount units { name } local { id } }
      byUnit { unit { id name } members signed }`;
    // Leaner for a list, within the query cost limit: units and byUnit each count a workplace's
    // largest number of units (1,000), so one of them per petition.
    const LIST_NESTED = 'workplace { id name employer address } byUnit { unit { name } members signed }';
    let theirs: string; // a petition at the steward's unassigned workplace
    let ours: string; // one at their assigned workplace

    beforeAll(async () => {
      const { t, w } = ctx;
      await t.db.query(
        `update workplace set employer = 'Hidden Employer', address = '1 Hidden Road' where id = $1`,
        [w.own.unassigned],
      );
      const site = async (workplaceId: string, unitName: string) => {
        const unit = (
          await t.db.query(
            'insert into unit (local_id, workplace_id, name) values ($1, $2, $3) returning id',
            [w.own.id, workplaceId, unitName],
          )
        ).rows[0].id;
        const member = await makeMember(t.db, w.own.id, { workplaceId });
        await t.db.query('update member set unit_id = $2 where id = $1', [member, unit]);
        const petition = await makePetition(t.db, w.own.id, { workplaceId, status: 'OPEN' });
        await makeSignature(t.db, w.own.id, petition, member, w.own.users.ORGANIZER.id);
        return petition;
      };
      theirs = await site(w.own.unassigned, 'Hidden night shift');
      ours = await site(w.own.assigned, 'Day shift');
    });

    /** Nothing of the unassigned workplace, by id, name, employer, address or unit name. */
    const expectNothingOfTheirs = (answer: unknown) => {
      const text = JSON.stringify(answer);
      for (const secret of [
        ctx.w.own.unassigned,
        'Own other site',
        'Hidden Employer',
        '1 Hidden Road',
        'Hidden night shift',
      ])
        expect(text).not.toContain(secret);
    };

    it('answers null for petition { workplace } and [] for byUnit, as workplace(id) is null', async () => {
      const { t, w } = ctx;
      const steward = w.own.users.STEWARD.token;
      const root = await t.gql<{ workplace: unknown }>(
        steward,
        'query($id: ID!) { workplace(id: $id) { id } }',
        {
          id: w.own.unassigned,
        },
      );
      expect(root.data!.workplace).toBeNull();
      const res = await t.gql<{ petition: Record<string, unknown> }>(
        steward,
        `query($id: ID!) { petition(id: $id) { id signatureCount ${NESTED} } }`,
        { id: theirs },
      );
      expect(res.errors).toBeUndefined();
      // The petition and its counts are the steward's to read; its workplace is not.
      expect(res.data!.petition).toEqual({ id: theirs, signatureCount: 1, workplace: null, byUnit: [] });
      expectNothingOfTheirs(res);
    });

    it('answers the same through petitions { nodes { workplace byUnit } }, and keeps the assigned ones', async () => {
      const { t, w } = ctx;
      const res = await t.gql<{
        petitions: { nodes: { id: string; workplace: { id: string } | null; byUnit: unknown[] }[] };
      }>(
        w.own.users.STEWARD.token,
        `query($l: ID!) { petitions(localId: $l, status: OPEN, first: 2) { nodes { id ${LIST_NESTED} } } }`,
        { l: w.own.id },
      );
      expect(res.errors).toBeUndefined();
      const byId = new Map(res.data!.petitions.nodes.map((n) => [n.id, n]));
      expect(byId.get(theirs)).toMatchObject({ workplace: null, byUnit: [] });
      expect(byId.get(ours)).toMatchObject({
        workplace: { id: w.own.assigned },
        byUnit: [{ unit: { name: 'Day shift' }, signed: 1 }],
      });
      expectNothingOfTheirs(res);
    });

    it('still shows an organizer every workplace and its units through the same fields', async () => {
      const { t } = ctx;
      const res = await t.gql<{
        petition: { workplace: { name: string; employer: string }; byUnit: unknown[] };
      }>(org(), `query($id: ID!) { petition(id: $id) { ${NESTED} } }`, { id: theirs });
      expect(res.data!.petition.workplace).toMatchObject({
        name: 'Own other site',
        employer: 'Hidden Employer',
      });
      expect(res.data!.petition.byUnit).toEqual([
        { unit: { id: expect.any(String), name: 'Hidden night shift' }, members: 1, signed: 1 },
      ]);
    });
  });
});
