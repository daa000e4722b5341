import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@juntos/common';
import {
  grant,
  makeEvent,
  makeLocal,
  makeMember,
  makePetition,
  makeUnit,
  makeUser,
  makeWorkplace,
  useWorld,
} from '@juntos/test-support';

type Doc = Record<string, unknown> & {
  identifiers: string[];
  _links: Record<string, { href: string }>;
};

/** A request body from the OSDI docs' own examples (test/fixtures/osdi, see its README). */
const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', 'osdi', `${name}.json`), 'utf8'));

const idOf = (doc: Doc) => doc.identifiers[0].slice('juntos:'.length);
const path = (href: string) => href.replace(/^https?:\/\/[^/]+/, '');
/** A document without its links' host: supertest gives every request its own port. */
const hostless = (doc: unknown) => JSON.parse(JSON.stringify(doc).replace(/https?:\/\/[^/"]+/g, ''));

/** The OSDI write helpers: person signup, record signature and record attendance, with OSDI_WRITE. */
describe('OSDI: the write helpers', () => {
  const ctx = useWorld();
  let write: string;
  let readOnly: string;
  let otherWrite: string;
  let petitionId: string;
  let eventId: string;

  async function token(scopes: string[], localId: string, admin: string | null) {
    const { data } = await ctx.t.gql<{ createApiToken: { secret: string } }>(
      admin,
      'mutation($input: ApiTokenInput!) { createApiToken(input: $input) { secret } }',
      { input: { localId, name: `sync ${scopes.join(' ')}`, scopes } },
    );
    return data!.createApiToken.secret;
  }
  const post = (to: string, body: unknown, secret: string | null = write) => {
    const req = ctx.t.http().post(to);
    return (secret ? req.set('OSDI-API-Token', secret) : req).send(body as object);
  };
  const readBack = async (doc: Doc) =>
    (await ctx.t.http().get(path(doc._links.self.href)).set('OSDI-API-Token', write)).body as unknown;
  const memberByEmail = async (email: string) =>
    (await ctx.t.db.query('select * from member where email = $1', [email])).rows;

  beforeAll(async () => {
    const admin = ctx.w.token('LOCAL_ADMIN');
    write = await token(['OSDI_READ', 'OSDI_WRITE'], ctx.w.own.id, admin);
    readOnly = await token(['OSDI_READ'], ctx.w.own.id, admin);
    otherWrite = await token(['OSDI_WRITE'], ctx.w.other.id, ctx.w.token('LOCAL_ADMIN', 'other'));
    petitionId = await makePetition(ctx.t.db, ctx.w.own.id, { status: 'OPEN' });
    eventId = await makeEvent(ctx.t.db, ctx.w.own.id);
  });

  it("takes the OSDI docs' own examples: one person, signed up, signing and attending, each once", async () => {
    const signup = example('person_signup_helper');
    const first = await post('/osdi/v1/people/person_signup', signup);
    expect(first.status).toBe(201);
    expect(first.headers['content-type']).toMatch(/^application\/hal\+json/);
    expect(first.body).toMatchObject({
      given_name: 'Labadie',
      family_name: 'Edwin',
      email_addresses: [{ primary: true, address: 'test-3@example.com' }],
      phone_numbers: [{ number: '+19876543210' }],
    });
    const id = idOf(first.body);
    const [stored] = await memberByEmail('test-3@example.com');
    expect(stored).toMatchObject({ id, tags: ['volunteer', 'donor'], alert_opt_in: false });

    const again = await post('/osdi/v1/people/person_signup', signup);
    expect(again.status).toBe(200);
    expect(hostless(again.body)).toEqual(hostless(first.body));
    // Each answer is the document the reads give at its self link.
    expect(hostless(await readBack(first.body))).toEqual(hostless(first.body));

    const signature = example('record_signature_helper');
    const signed = await post(`/osdi/v1/petitions/${petitionId}/signatures`, signature);
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({ action_date: '2014-03-18T11:02:15.000Z' });
    expect(signed.body._links['osdi:person'].href).toMatch(new RegExp(`/osdi/v1/people/${id}$`));
    const signedAgain = await post(`/osdi/v1/petitions/${petitionId}/record_signature_helper`, signature);
    expect(signedAgain.status).toBe(200);
    expect(signedAgain.body.identifiers).toEqual(signed.body.identifiers);
    expect(hostless(await readBack(signed.body))).toEqual(hostless(signed.body));

    const attendance = example('record_attendance_helper');
    const rsvp = await post(`/osdi/v1/events/${eventId}/attendances`, attendance);
    expect(rsvp.status).toBe(201);
    expect(rsvp.body).toMatchObject({ status: 'accepted' });
    expect(rsvp.body).not.toHaveProperty('attended');
    const rsvpAgain = await post(`/osdi/v1/events/${eventId}/attendances`, attendance);
    expect(rsvpAgain.status).toBe(200);
    expect(hostless(rsvpAgain.body)).toEqual(hostless(rsvp.body));
    expect(hostless(await readBack(rsvp.body))).toEqual(hostless(rsvp.body));

    expect(await memberByEmail('test-3@example.com')).toHaveLength(1);
    const counts = await ctx.t.db.query(
      `select (select count(*)::int from signature where member_id = $1) as signatures,
              (select count(*)::int from attendance where member_id = $1) as attendances`,
      [id],
    );
    expect(counts.rows[0]).toEqual({ signatures: 1, attendances: 1 });
    // Every call audited with its token and a count, never the person.
    const audit = await ctx.t.db.query(
      `select action, detail from audit_event where local_id = $1 and action like 'osdi.write.%' order by created_at`,
      [ctx.w.own.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'osdi.write.person_signup',
      'osdi.write.person_signup',
      'osdi.write.record_signature',
      'osdi.write.record_signature',
      'osdi.write.record_attendance',
      'osdi.write.record_attendance',
    ]);
    for (const r of audit.rows) expect(r.detail).toEqual({ records: 1 });
  });

  it('merges as OSDI says: fields sent replace, fields left out stay, tags are added; modified_date moves only on a change', async () => {
    const { assigned } = ctx.w.own;
    const unit = await makeUnit(ctx.t.db, ctx.w.own.id, assigned, 'Night shift');
    const id = await makeMember(ctx.t.db, ctx.w.own.id, {
      workplaceId: assigned,
      unitId: unit,
      firstName: 'Rosa',
      lastName: 'Martínez',
      email: 'rosa@example.org',
      phone: '+13105550102',
      preferredLanguage: 'es',
    });
    await ctx.t.db.query(
      `update member set tags = '{red-card,rent-strike}', updated_at = now() - interval '1 day' where id = $1`,
      [id],
    );
    const before = (await memberByEmail('rosa@example.org'))[0].updated_at as Date;

    // By phone as a person types it; the name spelled without accents keeps the stored spelling.
    const res = await post('/osdi/v1/people/person_signup', {
      person: {
        given_name: 'rosa',
        family_name: 'martinez',
        phone_numbers: [{ number: '(310) 555-0102' }],
        preferred_language: 'en',
      },
      add_tags: ['Organizing Committee', 'red-card'],
      remove_tags: ['rent-strike'],
    });
    expect(res.status).toBe(200);
    expect(idOf(res.body)).toBe(id);
    const [after] = await memberByEmail('rosa@example.org');
    expect(after).toMatchObject({
      first_name: 'Rosa',
      last_name: 'Martínez',
      preferred_language: 'en',
      workplace_id: assigned,
      unit_id: unit,
      tags: ['red-card', 'organizing committee'],
    });
    expect(after.updated_at.getTime()).toBeGreaterThan(before.getTime());
    expect(res.body.modified_date).toBe(after.updated_at.toISOString());

    // The same again changes nothing, and modified_date stays, so an incremental sync skips her.
    const same = await post('/osdi/v1/people/person_signup', {
      person: { email_addresses: [{ address: 'ROSA@example.org' }] },
      add_tags: ['organizing committee'],
    });
    expect(same.status).toBe(200);
    expect(same.body.modified_date).toBe(after.updated_at.toISOString());
    expect(same.body.given_name).toBe('Rosa');

    // Her email with another member's phone: the import's rule refuses it, naming the detail.
    await makeMember(ctx.t.db, ctx.w.own.id, { firstName: 'Otra', phone: '+13105550199' });
    const taken = await post('/osdi/v1/people/person_signup', {
      person: {
        email_addresses: [{ address: 'rosa@example.org' }],
        phone_numbers: [{ number: '310-555-0199' }],
      },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/already has this phone number/);
  });

  it("keeps the domain's rules: an OPEN petition, a SCHEDULED event, a member of its workplace; nothing half-written", async () => {
    const person = (email: string, extra: Record<string, unknown> = {}) => ({
      person: { given_name: 'Luis', family_name: 'Ortega', email_addresses: [{ address: email }], ...extra },
    });
    const draft = await makePetition(ctx.t.db, ctx.w.own.id, { status: 'DRAFT' });
    const closed = await makePetition(ctx.t.db, ctx.w.own.id, { status: 'CLOSED' });
    const atSite = await makePetition(ctx.t.db, ctx.w.own.id, {
      status: 'OPEN',
      workplaceId: ctx.w.own.assigned,
    });
    const cancelled = await makeEvent(ctx.t.db, ctx.w.own.id, { status: 'CANCELLED' });
    const later = await makeEvent(ctx.t.db, ctx.w.own.id, { startsAt: new Date(Date.now() + 86400_000) });
    for (const [to, message] of [
      [`/osdi/v1/petitions/${draft}/signatures`, /OPEN; this one is DRAFT/],
      [`/osdi/v1/petitions/${closed}/signatures`, /OPEN; this one is CLOSED/],
      [`/osdi/v1/petitions/${atSite}/signatures`, /workplace/],
      [`/osdi/v1/events/${cancelled}/attendances`, /cancelled/],
    ] as const) {
      const res = await post(to, person('luis@example.org'));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    const early = await post(`/osdi/v1/events/${later}/attendances`, person('luis@example.org', {}));
    expect(early.status).toBe(201);
    const cameEarly = await post(`/osdi/v1/events/${later}/attendances`, {
      ...person('luis@example.org'),
      attended: true,
    });
    expect(cameEarly.status).toBe(400);
    expect(cameEarly.body.message).toMatch(/start/);
    // The refused calls left no one behind; the RSVP to the later event made Luis once.
    expect(await memberByEmail('luis@example.org')).toHaveLength(1);

    // A member of the petition's workplace signs; an archived one does not.
    const placed = person('ines@example.org', { custom_fields: { juntos_workplace: 'OWN ASSIGNED SITE' } });
    expect((await post(`/osdi/v1/petitions/${atSite}/signatures`, placed)).status).toBe(201);
    await ctx.t.db.query(`update member set archived_at = now() where email = 'ines@example.org'`);
    const archived = await post(`/osdi/v1/petitions/${petitionId}/signatures`, placed);
    expect(archived.status).toBe(400);
    expect(archived.body.message).toMatch(/archived/);

    // RSVP and attended are kept apart: a decline, then attendance at the door, keeps both.
    const declined = await post(`/osdi/v1/events/${eventId}/attendances`, {
      ...person('luis@example.org'),
      status: 'declined',
    });
    expect(declined.body).toMatchObject({ status: 'declined' });
    const came = await post(`/osdi/v1/events/${eventId}/attendances`, {
      ...person('luis@example.org'),
      attended: true,
    });
    expect(came.status).toBe(200);
    expect(came.body).toMatchObject({ status: 'declined', attended: true });
    const { rows } = await ctx.t.db.query(
      `select rsvp, attended from attendance a join member m on m.id = a.member_id
        where a.event_id = $1 and m.email = 'luis@example.org'`,
      [eventId],
    );
    expect(rows).toEqual([{ rsvp: 'DECLINED', attended: true }]);
  });

  it.each([
    ['a body that is not JSON', '{"person": ', /^The body is not valid JSON\.$/],
    ['no person', { add_tags: ['x'] }, /person is missing/],
    [
      'no email and no phone',
      { person: { given_name: 'A', family_name: 'B' } },
      /email address or a phone number/,
    ],
    [
      'a phone that is none',
      { person: { given_name: 'A', family_name: 'B', phone_numbers: [{ number: '12' }] } },
      /not a phone number/,
    ],
    [
      'an email that is none',
      { person: { given_name: 'A', family_name: 'B', email_addresses: [{ address: 'nope' }] } },
      /email/,
    ],
    [
      'a new person without names',
      { person: { email_addresses: [{ address: 'new@example.org' }] } },
      /given_name and person.family_name/,
    ],
    [
      'an unknown workplace',
      {
        person: {
          given_name: 'A',
          family_name: 'B',
          email_addresses: [{ address: 'ab@example.org' }],
          custom_fields: { juntos_workplace: 'Nowhere' },
        },
      },
      /No workplace named "Nowhere"/,
    ],
    [
      'an unknown status',
      {
        person: {
          given_name: 'A',
          family_name: 'B',
          email_addresses: [{ address: 'ab@example.org' }],
          custom_fields: { juntos_status: 'boss' },
        },
      },
      /juntos_status/,
    ],
    [
      'tags that are not names',
      {
        person: { given_name: 'A', family_name: 'B', email_addresses: [{ address: 'ab@example.org' }] },
        add_tags: 'x',
      },
      /add_tags/,
    ],
  ])('refuses %s with 400 and says why', async (_what, body, message) => {
    const req = ctx.t.http().post('/osdi/v1/people/person_signup').set('OSDI-API-Token', write);
    const res =
      typeof body === 'string'
        ? await req.set('Content-Type', 'application/json').send(body)
        : await req.send(body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('refuses more than 20 tags, or a tag over 40 characters, in add_tags or remove_tags, writing nothing', async () => {
    const person = {
      given_name: 'A',
      family_name: 'B',
      email_addresses: [{ address: 'many-tags@example.org' }],
    };
    const many = Array.from({ length: 50_000 }, (_, i) => `t${i}`);
    for (const [key, tags, message] of [
      ['add_tags', many, /add_tags holds at most 20 tags/],
      ['remove_tags', many, /remove_tags holds at most 20 tags/],
      ['add_tags', Array.from({ length: 21 }, (_, i) => `t${i}`), /at most 20/],
      ['add_tags', ['x'.repeat(41)], /at most 40 characters/],
      ['remove_tags', ['x'.repeat(41)], /at most 40 characters/],
    ] as const) {
      const res = await post('/osdi/v1/people/person_signup', { person, [key]: tags });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(message) });
    }
    expect(await memberByEmail('many-tags@example.org')).toHaveLength(0);
    // Twenty, each of forty characters (spaces around them aside), are taken.
    const twenty = Array.from({ length: 20 }, (_, i) => ` ${String(i).padStart(40, 'x')} `);
    const ok = await post('/osdi/v1/people/person_signup', { person, add_tags: twenty });
    expect(ok.status).toBe(201);
    expect((await memberByEmail('many-tags@example.org'))[0].tags).toHaveLength(20);
  });

  it('takes a body sent as application/hal+json, as OSDI clients may send it', async () => {
    const res = await ctx.t
      .http()
      .post('/osdi/v1/people/person_signup')
      .set('OSDI-API-Token', write)
      .set('Content-Type', 'application/hal+json')
      .send(
        JSON.stringify({
          person: {
            given_name: 'Hal',
            family_name: 'Json',
            email_addresses: [{ address: 'hal@example.org' }],
          },
        }),
      );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ given_name: 'Hal', family_name: 'Json' });
  });

  it('refuses a bad RSVP status or action_date with 400, and an unknown petition or event with 404', async () => {
    const body = {
      person: { given_name: 'A', family_name: 'B', email_addresses: [{ address: 'ab@example.org' }] },
    };
    expect((await post(`/osdi/v1/events/${eventId}/attendances`, { ...body, status: 'maybe' })).status).toBe(
      400,
    );
    expect((await post(`/osdi/v1/events/${eventId}/attendances`, { ...body, attended: 'yes' })).status).toBe(
      400,
    );
    for (const actionDate of ['soon', '-010000-01-01T00:00:00Z', '+010000-01-01T00:00:00Z', '1899-06-01']) {
      const res = await post(`/osdi/v1/petitions/${petitionId}/signatures`, {
        ...body,
        action_date: actionDate,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/action_date/),
      });
    }
    for (const to of [
      '/osdi/v1/petitions/00000000-0000-4000-8000-000000000000/signatures',
      '/osdi/v1/petitions/not-an-id/signatures',
      '/osdi/v1/events/00000000-0000-4000-8000-000000000000/attendances',
    ]) {
      const res = await post(to, body);
      expect(res.status).toBe(404);
      expect(res.body.message).toMatch(/not found/);
    }
    expect(await memberByEmail('ab@example.org')).toHaveLength(0);
  });

  it("needs a live OSDI_WRITE token, and a token of one local never touches another's petition or event", async () => {
    const body = {
      person: { given_name: 'Eva', family_name: 'Paz', email_addresses: [{ address: 'eva@example.org' }] },
    };
    for (const to of [
      '/osdi/v1/people/person_signup',
      `/osdi/v1/petitions/${petitionId}/signatures`,
      `/osdi/v1/events/${eventId}/attendances`,
    ]) {
      expect((await post(to, body, null)).status).toBe(401);
      expect((await post(to, body, readOnly)).status).toBe(403);
    }
    expect((await post(`/osdi/v1/petitions/${petitionId}/signatures`, body, otherWrite)).status).toBe(404);
    expect((await post(`/osdi/v1/events/${eventId}/attendances`, body, otherWrite)).status).toBe(404);
    expect(await memberByEmail('eva@example.org')).toHaveLength(0);
    // The same person signed up by the other local is that local's member, apart from this one's.
    const own = await post('/osdi/v1/people/person_signup', { ...body, add_tags: ['own'] });
    const other = await post('/osdi/v1/people/person_signup', body, otherWrite);
    // A write-only token is answered 200 whether the person was new or not.
    expect([own.status, other.status]).toEqual([201, 200]);
    const rows = await memberByEmail('eva@example.org');
    expect(rows.map((r) => [r.local_id, r.tags]).sort()).toEqual(
      [
        [ctx.w.own.id, ['own']],
        [ctx.w.other.id, []],
      ].sort(),
    );
  });

  it('round-trips a local: every person paged out, erased, signed up again, paged out the same', async () => {
    const localId = await makeLocal(ctx.t.db, 'Round trip');
    const admin = await makeUser(ctx.t.db);
    await grant(ctx.t.db, localId, admin.id, Role.LOCAL_ADMIN);
    const secret = await token(['OSDI_READ', 'OSDI_WRITE'], localId, ctx.t.tokenFor(admin.id));
    const plant = await makeWorkplace(ctx.t.db, localId, { name: 'Planta Norte' });
    const building = await makeWorkplace(ctx.t.db, localId, { name: 'Edificio Sur' });
    const places: [string | null, string | null][] = [
      [plant, await makeUnit(ctx.t.db, localId, plant, 'Turno de noche')],
      [plant, null],
      [building, await makeUnit(ctx.t.db, localId, building, 'Apto 3B')],
      [null, null],
    ];
    const languages = ['es', 'en', 'zh-Hant', null];
    const statuses = ['PROSPECT', 'MEMBER', 'NON_MEMBER', 'FORMER'];
    for (let i = 0; i < 23; i++) {
      const [workplaceId, unitId] = places[i % places.length];
      const id = await makeMember(ctx.t.db, localId, {
        workplaceId,
        unitId,
        firstName: ['José', 'Nguyễn', 'Ana María', "O'Brien"][i % 4],
        lastName: `Prueba ${i}`,
        email: i % 3 === 2 ? null : `rt${i}@example.org`,
        phone: i % 3 === 1 ? null : `+1310555${String(1000 + i)}`,
        preferredLanguage: languages[i % languages.length],
      });
      await ctx.t.db.query(`update member set status = $2, preferred_name = $3, tags = $4 where id = $1`, [
        id,
        statuses[i % 4],
        i % 5 === 0 ? 'Chema' : null,
        i % 2 ? ['huelga', `grupo-${i % 3}`] : [],
      ]);
    }
    /** Every item of a collection, following `next` to the end, as an external tool would. */
    const getAll = async (first: string, rel: string) => {
      const items: Doc[] = [];
      for (let next: string | undefined = first; next;) {
        const res = await ctx.t.http().get(next).set('OSDI-API-Token', secret);
        expect(res.status).toBe(200);
        const page = res.body as { _embedded: Record<string, Doc[]>; _links: { next?: { href: string } } };
        items.push(...page._embedded[rel]);
        next = page._links.next && path(page._links.next.href);
      }
      return items;
    };
    const exportAll = () => getAll('/osdi/v1/people?per_page=7', 'osdi:people');
    /** Each person's tag names, read through OSDI: the local's tags, then each person's taggings. */
    const tagsOf = async (people: Doc[]) => {
      const tags = await getAll('/osdi/v1/tags?per_page=100', 'osdi:tags');
      const names = new Map(tags.map((t) => [path(t._links.self.href), t.name as string]));
      const byPerson = new Map<string, string[]>();
      for (const p of people) {
        const taggings = await getAll(
          `${path(p._links['osdi:taggings'].href)}?per_page=100`,
          'osdi:taggings',
        );
        byPerson.set(idOf(p), taggings.map((t) => names.get(path(t._links['osdi:tag'].href))!).sort());
      }
      return byPerson;
    };
    const before = await exportAll();
    expect(before).toHaveLength(23);
    const tagsBefore = await tagsOf(before);
    expect(new Set([...tagsBefore.values()].flat())).toEqual(
      new Set(['huelga', 'grupo-0', 'grupo-1', 'grupo-2']),
    );

    await ctx.t.db.query('delete from member where local_id = $1', [localId]);
    for (const p of before) {
      const res = await post(
        '/osdi/v1/people/person_signup',
        { person: p, add_tags: tagsBefore.get(idOf(p)) },
        secret,
      );
      expect(res.status).toBe(201);
    }

    const after = await exportAll();
    const tagsAfter = await tagsOf(after);
    // What OSDI carries, without what a new record cannot keep (its id, its dates and links).
    const carried = (p: Doc, tags: Map<string, string[]>) => {
      const { identifiers: _i, created_date: _c, modified_date: _m, _links: _l, ...rest } = p;
      return { ...rest, tags: tags.get(idOf(p)) };
    };
    const key = (x: { email_addresses: unknown; phone_numbers: unknown }) =>
      JSON.stringify([x.email_addresses, x.phone_numbers]);
    const sorted = (list: Doc[], tags: Map<string, string[]>) =>
      list.map((p) => carried(p, tags)).sort((a, b) => key(a as never).localeCompare(key(b as never)));
    expect(sorted(after, tagsAfter)).toEqual(sorted(before, tagsBefore));
  });

  it('answers a write-only token the id and links only, and never shows it who was a member already', async () => {
    const writeOnly = await token(['OSDI_WRITE'], ctx.w.own.id, ctx.w.token('LOCAL_ADMIN'));
    const known = await makeMember(ctx.t.db, ctx.w.own.id, {
      firstName: 'Rosa',
      lastName: 'Known',
      email: 'known@example.org',
      phone: '+13105550199',
    });
    const byEmail = (address: string) => ({ person: { email_addresses: [{ address }] } });
    // Without names, a known address and an unknown one are refused alike, and nothing is written.
    const knownNoName = await post('/osdi/v1/people', byEmail('known@example.org'), writeOnly);
    const unknownNoName = await post('/osdi/v1/people', byEmail('nobody@example.org'), writeOnly);
    expect(knownNoName.status).toBe(400);
    expect(unknownNoName.status).toBe(400);
    expect(knownNoName.body).toEqual(unknownNoName.body);
    expect(knownNoName.body.message).toMatch(/without OSDI_READ.*given_name.*family_name/);
    expect(await memberByEmail('nobody@example.org')).toHaveLength(0);

    // With names, known and new are both 200 and show only the id and the self link.
    const named = (address: string) => ({
      person: { given_name: 'Ana', family_name: 'Writer', email_addresses: [{ address }] },
    });
    const knownNamed = await post('/osdi/v1/people', named('known@example.org'), writeOnly);
    const newNamed = await post('/osdi/v1/people', named('new-writer@example.org'), writeOnly);
    for (const res of [knownNamed, newNamed]) {
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['_links', 'identifiers']);
      expect(Object.keys(res.body._links)).toEqual(['self']);
      expect(JSON.stringify(res.body)).not.toMatch(/Rosa|Known|5550199|example\.org/);
    }
    expect(idOf(knownNamed.body)).toBe(known);
    expect(await memberByEmail('new-writer@example.org')).toHaveLength(1);

    // Signature and attendance: their id and links, nothing of the person or of an earlier record.
    const open = await makePetition(ctx.t.db, ctx.w.own.id, { status: 'OPEN' });
    const event = await makeEvent(ctx.t.db, ctx.w.own.id);
    for (const to of [`/osdi/v1/petitions/${open}/signatures`, `/osdi/v1/events/${event}/attendances`]) {
      expect((await post(to, byEmail('known@example.org'), writeOnly)).status).toBe(400);
      for (let i = 0; i < 2; i++) {
        const res = await post(to, named('new-writer@example.org'), writeOnly);
        expect(res.status).toBe(200);
        expect(Object.keys(res.body).sort()).toEqual(['_links', 'identifiers']);
        expect(res.body._links['osdi:person'].href).toMatch(/\/osdi\/v1\/people\/[0-9a-f-]{36}$/);
      }
    }
    const [signer] = await memberByEmail('new-writer@example.org');
    const counts = await ctx.t.db.query(
      `select (select count(*)::int from signature where member_id = $1 and petition_id = $2) as s,
              (select count(*)::int from attendance where member_id = $1 and event_id = $3) as a`,
      [signer.id, open, event],
    );
    expect(counts.rows[0]).toEqual({ s: 1, a: 1 });
  });
});
