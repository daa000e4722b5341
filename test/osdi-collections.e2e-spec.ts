import {
  makeAlert,
  makeAttendance,
  makeCommittee,
  makeCommitteeContact,
  makeCommitteeMembership,
  makeEvent,
  makeMember,
  makeOneOnOne,
  makePetition,
  makeResponder,
  makeSignature,
  useWorld,
} from '@juntos/test-support';
import { nameUuid, tagId } from '../apps/api/src/modules/osdi/osdi-documents';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The OSDI read collections: petitions with signatures, events with attendances, tags with
 * taggings, each person's own; and the whole interface crawled from its entry point, with nothing
 * of the conversations, assessments, committees, rapid-response network or alert consent in it.
 * One app and one seed for the file.
 */
describe('OSDI: petitions, events, tags and what never leaves', () => {
  const ctx = useWorld();
  const s: Json = {};
  let read: string;
  let otherRead: string;

  async function token(localId: string, admin: string | null) {
    const { data } = await ctx.t.gql<{ createApiToken: { id: string; secret: string } }>(
      admin,
      'mutation($input: ApiTokenInput!) { createApiToken(input: $input) { id secret } }',
      { input: { localId, name: 'sync', scopes: ['OSDI_READ'] } },
    );
    return data!.createApiToken;
  }
  const path = (href: string) => href.replace(/^https?:\/\/[^/]+/, '');
  const get = (href: string, secret = read) => ctx.t.http().get(path(href)).set('OSDI-API-Token', secret);
  /** A document as read from any port: supertest listens on a new one for each request. */
  const portless = (doc: unknown): Json => JSON.parse(JSON.stringify(doc).replace(/https?:\/\/[^/"]+/g, ''));
  const same = async (href: string, doc: Json) =>
    expect(portless((await get(href)).body)).toEqual(portless(doc));
  const ids = (docs: Json[]) => docs.map((d) => d.identifiers[0].slice('juntos:'.length));
  /** Every item of a collection, page by page to the end, checking the paging fields on the way. */
  async function walk(href: string, rel: string, secret = read): Promise<Json[]> {
    const items: Json[] = [];
    let next: string | undefined = href;
    let pages = 0;
    let total = -1;
    while (next) {
      const res = await get(next, secret);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/hal\+json/);
      pages++;
      if (total < 0) total = res.body.total_records;
      expect(res.body).toMatchObject({ page: pages, total_records: total });
      const embedded: Json[] = res.body._embedded[rel];
      expect(res.body._links[rel]).toEqual(embedded.map((d) => ({ href: d._links.self.href })));
      items.push(...embedded.map(portless));
      next = res.body._links.next?.href;
    }
    expect(pages).toBe(Math.max(1, Math.ceil(total / (Number(/per_page=(\d+)/.exec(href)?.[1]) || 25))));
    expect(items).toHaveLength(total);
    expect(new Set(ids(items)).size).toBe(items.length);
    return items;
  }

  beforeAll(async () => {
    const { t, w } = ctx;
    const db = t.db;
    const steward = w.own.users.STEWARD;
    const member = (firstName: string, tags: string[], extra: Record<string, unknown> = {}) =>
      makeMember(db, w.own.id, { workplaceId: w.own.assigned, firstName, ...extra }).then(async (id) => {
        await db.query('update member set tags = $2 where id = $1', [id, tags]);
        return id;
      });
    s.ana = await member('Ana', ['red card', 'leader'], { email: 'ana@example.org', alertOptIn: true });
    s.beto = await member('Beto', ['red card']);
    s.carla = await member('Carla', []);
    for (let i = 0; i < 3; i++) await member(`Extra${i}`, ['red card']);

    s.open = await makePetition(db, w.own.id, { status: 'OPEN', title: 'Water at every station', goal: 7 });
    s.draft = await makePetition(db, w.own.id, { title: 'Fans in the kitchen' });
    s.sigAna = await makeSignature(db, w.own.id, s.open, s.ana, steward.id);
    s.sigBeto = await makeSignature(db, w.own.id, s.open, s.beto, steward.id);
    await db.query(
      `update signature set method = 'DIGITAL', signed_at = now() - interval '2 days' where id = $1`,
      [s.sigBeto],
    );

    s.training = await makeEvent(db, w.own.id, { title: 'Red card training', capacity: 30 });
    s.cancelled = await makeEvent(db, w.own.id, { title: 'Picnic', status: 'CANCELLED' });
    await db.query(`update event set ends_at = starts_at + interval '2 hours' where id = $1`, [s.training]);
    s.attAna = await makeAttendance(db, w.own.id, s.training, s.ana, steward.id, { attended: true });
    s.attBeto = await makeAttendance(db, w.own.id, s.training, s.beto, steward.id, { rsvp: 'DECLINED' });
    s.attCarla = await makeAttendance(db, w.own.id, s.training, s.carla, steward.id, {
      rsvp: null,
      attended: true,
    });

    // Another local, with a tag of the same name and rows of every kind.
    const otherMember = await makeMember(db, w.other.id, { firstName: 'Elsewhere' });
    await db.query(`update member set tags = '{red card}' where id = $1`, [otherMember]);
    s.otherPetition = await makePetition(db, w.other.id, { status: 'OPEN' });
    await makeSignature(db, w.other.id, s.otherPetition, otherMember, w.other.users.STEWARD.id);
    s.otherEvent = await makeEvent(db, w.other.id);
    await makeAttendance(db, w.other.id, s.otherEvent, otherMember, w.other.users.STEWARD.id);
    s.otherMember = otherMember;

    // What must never leave, on the people who do: a conversation with notes, an assessment,
    // committee seats and contacts, the rapid-response network, alert consent.
    const conversation = await t.gql(
      steward.token,
      `mutation($input: LogOneOnOneInput!) { logOneOnOne(input: $input) { id } }`,
      {
        input: {
          memberId: s.ana,
          occurredAt: new Date().toISOString(),
          channel: 'IN_PERSON',
          supportLevel: 4,
          issues: ['quuxissue'],
          notes: 'Zorblat confided about the night shift',
          nextStep: 'Frobnicate the phone tree',
        },
      },
    );
    expect(conversation.errors).toBeUndefined();
    await makeOneOnOne(db, w.own.id, s.beto, steward.id, { supportLevel: 2, issues: ['blorptopic'] });
    await db.query(`update member set support_level = 2, card_signed_at = now() where id = $1`, [s.beto]);
    const committee = await makeCommittee(db, w.own.id, {
      name: 'Glimmerwick committee',
      kind: 'DEFENSE_COMMITTEE',
      workplaceId: w.own.assigned,
    });
    const seat = await makeCommitteeMembership(db, w.own.id, committee, s.ana, { role: 'CHAIR' });
    await makeCommitteeContact(db, w.own.id, seat, s.beto);
    const reported = await t.gql<{ reportIncident: { id: string } }>(
      steward.token,
      `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
      {
        input: {
          localId: w.own.id,
          workplaceId: w.own.assigned,
          kind: 'WORKPLACE_RAID',
          location: 'Plumbago gate',
          details: 'Snarfle vans at the dock',
        },
      },
    );
    expect(reported.errors).toBeUndefined();
    const incident = reported.data!.reportIncident.id;
    const verified = await t.gql(
      w.token('ORGANIZER'),
      `mutation($input: VerifyIncidentInput!) { verifyIncident(input: $input) { id } }`,
      { input: { incidentId: incident, outcome: 'CONFIRMED', note: 'Wibblewobble seen it' } },
    );
    expect(verified.errors).toBeUndefined();
    await makeAlert(db, w.own.id, incident, w.own.users.ORGANIZER.id, {
      message: 'Xylograph: stay inside',
    });
    await makeResponder(db, w.own.id, s.carla, { workplaceIds: [w.own.assigned], skills: ['VERIFIER'] });

    read = (await token(w.own.id, w.token('LOCAL_ADMIN'))).secret;
    otherRead = (await token(w.other.id, w.token('LOCAL_ADMIN', 'other'))).secret;
  });

  it('lists every collection and helper at the entry point', async () => {
    const res = await get('/osdi/v1/');
    const base = res.body._links.self.href.replace(/\/$/, '');
    expect(res.body._links).toMatchObject({
      'osdi:people': { href: `${base}/people` },
      'osdi:petitions': { href: `${base}/petitions` },
      'osdi:events': { href: `${base}/events` },
      'osdi:tags': { href: `${base}/tags` },
      'osdi:person_signup_helper': { href: `${base}/people/person_signup` },
      'osdi:record_signature_helper': { href: `${base}/petitions/{id}/signatures`, templated: true },
      'osdi:record_attendance_helper': { href: `${base}/events/{id}/attendances`, templated: true },
    });
  });

  it('gives petitions with their text, target and count, and their signatures linked to the signers', async () => {
    const petitions = await walk('/osdi/v1/petitions?per_page=1', 'osdi:petitions');
    expect(ids(petitions).sort()).toEqual([s.open, s.draft].sort());
    const open = petitions.find((p) => p.identifiers[0] === `juntos:${s.open}`)!;
    const href = open._links.self.href;
    expect(open).toMatchObject({
      title: 'Water at every station',
      description: expect.stringContaining('judicial warrant'),
      petition_text: expect.stringContaining('judicial warrant'),
      target: [{ name: 'The employer' }],
      total_signatures: 2,
      created_date: expect.any(String),
      modified_date: expect.any(String),
      custom_fields: { juntos_status: 'OPEN', juntos_goal: '7' },
      _links: {
        'osdi:signatures': { href: `${href}/signatures` },
        'osdi:record_signature_helper': { href: `${href}/signatures` },
      },
    });
    await same(href, open);

    const signatures = await walk(`${href}/signatures?per_page=1`, 'osdi:signatures');
    expect(ids(signatures).sort()).toEqual([s.sigAna, s.sigBeto].sort());
    const beto = signatures.find((x) => x.identifiers[0] === `juntos:${s.sigBeto}`)!;
    expect(beto).toMatchObject({
      custom_fields: { juntos_method: 'DIGITAL' },
      _links: {
        self: { href: `${href}/signatures/${s.sigBeto}` },
        'osdi:petition': { href },
        'osdi:person': { href: expect.stringMatching(new RegExp(`/osdi/v1/people/${s.beto}$`)) },
      },
    });
    const { rows } = await ctx.t.db.query('select signed_at from signature where id = $1', [s.sigBeto]);
    expect(beto.created_date).toBe(rows[0].signed_at.toISOString());
    expect(beto.action_date).toBe(beto.created_date);
    await same(beto._links.self.href, beto);
    expect((await get(beto._links['osdi:person'].href)).status).toBe(200);
  });

  it('gives events, and each RSVP apart from whether the person came', async () => {
    const events = await walk('/osdi/v1/events?per_page=1', 'osdi:events');
    expect(ids(events).sort()).toEqual([s.training, s.cancelled].sort());
    const training = events.find((e) => e.identifiers[0] === `juntos:${s.training}`)!;
    const cancelled = events.find((e) => e.identifiers[0] === `juntos:${s.cancelled}`)!;
    const href = training._links.self.href;
    expect(training).toMatchObject({
      title: 'Red card training',
      status: 'confirmed',
      start_date: expect.any(String),
      end_date: expect.any(String),
      location: { venue: 'Union hall' },
      capacity: 30,
      total_accepted: 1,
      custom_fields: { juntos_kind: 'KYR_TRAINING', juntos_timezone: 'UTC' },
      _links: {
        'osdi:attendances': { href: `${href}/attendances` },
        'osdi:record_attendance_helper': { href: `${href}/attendances` },
      },
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', total_accepted: 0 });
    expect(cancelled).not.toHaveProperty('capacity');
    await same(href, training);

    const attendances = await walk(`${href}/attendances?per_page=2`, 'osdi:attendances');
    const byId = Object.fromEntries(attendances.map((a) => [a.identifiers[0].slice(7), a]));
    expect(byId[s.attAna]).toMatchObject({ status: 'accepted', attended: true });
    expect(byId[s.attBeto]).toMatchObject({ status: 'declined' });
    expect(byId[s.attBeto]).not.toHaveProperty('attended');
    expect(byId[s.attCarla]).toMatchObject({ attended: true });
    expect(byId[s.attCarla]).not.toHaveProperty('status');
    expect(byId[s.attAna]._links).toMatchObject({
      self: { href: `${href}/attendances/${s.attAna}` },
      'osdi:event': { href },
      'osdi:person': { href: expect.stringMatching(new RegExp(`/people/${s.ana}$`)) },
    });
    await same(byId[s.attAna]._links.self.href, byId[s.attAna]);
  });

  it("gives the members' tags with stable ids derived from their names, and the people carrying each", async () => {
    expect(nameUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2', // RFC 4122 version 5, the DNS namespace's example
    );
    const tags = await walk('/osdi/v1/tags?per_page=1', 'osdi:tags');
    expect(tags.map((x) => x.name)).toEqual(['leader', 'red card']);
    const red = tags[1];
    expect(red.identifiers).toEqual([`juntos:${tagId(ctx.w.own.id, 'red card')}`]);
    expect(tagId(ctx.w.other.id, 'red card')).not.toBe(tagId(ctx.w.own.id, 'red card'));
    expect(red._links['osdi:taggings'].href).toBe(`${red._links.self.href}/taggings`);
    await same(red._links.self.href, red);

    const taggings = await walk(`${red._links.self.href}/taggings?per_page=4`, 'osdi:taggings');
    expect(taggings).toHaveLength(5);
    const people = taggings.map((x) => /\/people\/([^/]+)$/.exec(x._links['osdi:person'].href)![1]);
    expect(people).toEqual(expect.arrayContaining([s.ana, s.beto]));
    expect(people).not.toContain(s.carla);
    expect(taggings[0]).toMatchObject({
      item_type: 'osdi:person',
      _links: { 'osdi:tag': { href: red._links.self.href } },
    });
    await same(taggings[0]._links.self.href, taggings[0]);
  });

  it('links each person to their own signatures, attendances and taggings', async () => {
    const ana = portless((await get(`/osdi/v1/people/${s.ana}`)).body);
    const self = ana._links.self.href;
    expect(ana._links).toMatchObject({
      'osdi:signatures': { href: `${self}/signatures` },
      'osdi:attendances': { href: `${self}/attendances` },
      'osdi:taggings': { href: `${self}/taggings` },
    });
    expect(ids(await walk(`${self}/signatures`, 'osdi:signatures'))).toEqual([s.sigAna]);
    expect(ids(await walk(`${self}/attendances`, 'osdi:attendances'))).toEqual([s.attAna]);
    const taggings = await walk(`${self}/taggings?per_page=1`, 'osdi:taggings');
    expect(taggings.map((x) => x._links['osdi:tag'].href.split('/').pop())).toEqual([
      tagId(ctx.w.own.id, 'red card'),
      tagId(ctx.w.own.id, 'leader'),
    ]);
  });

  it('answers 404 for an id the local does not hold and 400 for what is no id', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    const tag = tagId(ctx.w.own.id, 'red card');
    for (const p of [
      `petitions/${nobody}`,
      `petitions/${nobody}/signatures`,
      `petitions/${s.open}/signatures/${nobody}`,
      `petitions/${s.draft}/signatures/${s.sigAna}`,
      `events/${nobody}`,
      `events/${nobody}/attendances`,
      `events/${s.training}/attendances/${nobody}`,
      `tags/${nobody}`,
      `tags/${nobody}/taggings`,
      `tags/${tag}/taggings/${nobody}`,
      `people/${nobody}/signatures`,
      `people/${nobody}/attendances`,
      `people/${nobody}/taggings`,
    ]) {
      const res = await get(`/osdi/v1/${p}`);
      expect([p, res.status, res.body.code]).toEqual([p, 404, 'NOT_FOUND']);
    }
    for (const p of [
      'petitions/x',
      'events/1/attendances',
      'tags/red%20card',
      `petitions/${s.open}/signatures/x`,
    ]) {
      const res = await get(`/osdi/v1/${p}`);
      expect([p, res.status]).toEqual([p, 400]);
    }
  });

  it("never shows a token one local's rows of another", async () => {
    expect(ids(await walk('/osdi/v1/petitions', 'osdi:petitions', otherRead))).toEqual([s.otherPetition]);
    expect(ids(await walk('/osdi/v1/events', 'osdi:events', otherRead))).toEqual([s.otherEvent]);
    const tags = await walk('/osdi/v1/tags', 'osdi:tags', otherRead);
    expect(tags.map((x) => x.identifiers[0])).toEqual([`juntos:${tagId(ctx.w.other.id, 'red card')}`]);
    const taggings = await walk(`${tags[0]._links.self.href}/taggings`, 'osdi:taggings', otherRead);
    expect(taggings.map((x) => x._links['osdi:person'].href.split('/').pop())).toEqual([s.otherMember]);
    const tag = tagId(ctx.w.own.id, 'red card');
    for (const p of [
      `petitions/${s.open}`,
      `petitions/${s.open}/signatures`,
      `petitions/${s.open}/signatures/${s.sigAna}`,
      `events/${s.training}`,
      `events/${s.training}/attendances`,
      `events/${s.training}/attendances/${s.attAna}`,
      `tags/${tag}`,
      `tags/${tag}/taggings`,
      `people/${s.ana}/signatures`,
      `people/${s.ana}/attendances`,
      `people/${s.ana}/taggings`,
    ])
      expect([p, (await get(`/osdi/v1/${p}`, otherRead)).status]).toEqual([p, 404]);
  });

  it('audits each read as osdi.read.<collection> with its record count', async () => {
    const t = await token(ctx.w.own.id, ctx.w.token('LOCAL_ADMIN'));
    await get('/osdi/v1/petitions', t.secret);
    await get(`/osdi/v1/events/${s.training}/attendances?per_page=2`, t.secret);
    await get('/osdi/v1/tags', t.secret);
    await get(`/osdi/v1/people/${s.ana}/taggings`, t.secret);
    const { rows } = await ctx.t.db.query(
      `select action, detail from audit_event where target_id = $1 and action like 'osdi.%' order by action`,
      [t.id],
    );
    expect(rows).toEqual([
      { action: 'osdi.read.attendances', detail: { records: 2 } },
      { action: 'osdi.read.petitions', detail: { records: 2 } },
      { action: 'osdi.read.taggings', detail: { records: 2 } },
      { action: 'osdi.read.tags', detail: { records: 2 } },
    ]);
  });

  it('never carries a conversation, note, assessment, committee, the rapid-response network or alert consent', async () => {
    // Crawl the interface from its entry point: every link followed, every collection to its end.
    const seen = new Set<string>();
    const texts: string[] = [];
    // The same page however it is named: per_page is the crawler's own, page=1 is the first page.
    const key = (href: string) => {
      const u = new URL(href, 'http://x');
      u.searchParams.delete('per_page');
      if (u.searchParams.get('page') === '1') u.searchParams.delete('page');
      return `${u.pathname}?${u.searchParams.toString()}`;
    };
    const queue = ['/osdi/v1/'];
    const links = (doc: Json): string[] =>
      Object.entries(doc._links ?? {}).flatMap(([rel, l]) =>
        rel === 'curies' || rel.endsWith('_helper')
          ? []
          : (Array.isArray(l) ? l : [l]).filter((x: Json) => !x.templated).map((x: Json) => path(x.href)),
      );
    while (queue.length) {
      const href = queue.shift()!;
      if (seen.has(key(href))) continue;
      seen.add(key(href));
      const res = await get(href.includes('?') ? href : `${href}?per_page=3`);
      expect([href, res.status]).toEqual([href, 200]);
      texts.push(res.text);
      const docs: Json[] = [res.body, ...Object.values((res.body._embedded ?? {}) as Json).flat()];
      for (const d of docs) queue.push(...links(d).filter((l) => !seen.has(key(l))));
    }
    // It reached every kind of collection and record.
    for (const p of [
      '/people?',
      '/petitions?',
      '/events?',
      '/tags?',
      '/signatures?',
      '/attendances?',
      '/taggings?',
    ])
      expect([p, [...seen].some((h) => h.includes(p))]).toEqual([p, true]);
    for (const id of [s.ana, s.open, s.sigAna, s.training, s.attCarla])
      expect([id, [...seen].some((h) => h.endsWith(`${id}?`))]).toEqual([id, true]);
    const text = texts.join('\n').toLowerCase();
    for (const word of [
      'zorblat',
      'quuxissue',
      'blorptopic',
      'frobnicate',
      'glimmerwick',
      'plumbago',
      'snarfle',
      'wibblewobble',
      'xylograph',
      'verifier',
      'defense_committee',
      'chair',
      'workplace_raid',
      'assess',
      'support_level',
      'supportlevel',
      'consent',
      'opt_in',
      'optin',
      'note',
      'issues',
      'next_step',
      'one_on_one',
      'oneonone',
      'conversation',
      'committee',
      'incident',
      'alert',
      'responder',
      'rapid',
      'last_contact',
      'steward',
      'collected_by',
    ])
      expect([word, text.includes(word)]).toEqual([word, false]);
  });

  it("syncs what changed since: filter=modified_date gt '…' on every collection", async () => {
    const db = ctx.t.db;
    const [{ since }] = (await db.query(`select now() - interval '1 millisecond' as since`)).rows;
    const filter = `filter=${encodeURIComponent(`modified_date gt '${since.toISOString()}'`)}`;
    await new Promise((r) => setTimeout(r, 5));
    const carla = await makeSignature(db, ctx.w.own.id, s.open, s.carla, ctx.w.own.users.STEWARD.id);
    const rsvp = await makeAttendance(db, ctx.w.own.id, s.cancelled, s.beto, ctx.w.own.users.STEWARD.id);
    await db.query(`update member set tags = '{newcomer}', updated_at = now() where id = $1`, [s.carla]);

    const changed = async (p: string, rel: string) => ids(await walk(`/osdi/v1/${p}?${filter}`, rel));
    const people = await changed('people', 'osdi:people');
    expect(people).toContain(s.carla);
    expect(people).not.toContain(s.ana);
    expect(await changed('petitions', 'osdi:petitions')).toEqual([s.open]);
    expect(await changed(`petitions/${s.open}/signatures`, 'osdi:signatures')).toEqual([carla]);
    expect(await changed('events', 'osdi:events')).toEqual([s.cancelled]);
    expect(await changed(`events/${s.cancelled}/attendances`, 'osdi:attendances')).toEqual([rsvp]);
    expect(await changed(`events/${s.training}/attendances`, 'osdi:attendances')).toEqual([]);
    expect(await changed('tags', 'osdi:tags')).toEqual([tagId(ctx.w.own.id, 'newcomer')]);
    expect(await changed(`people/${s.carla}/taggings`, 'osdi:taggings')).toHaveLength(1);
    expect(await changed(`tags/${tagId(ctx.w.own.id, 'leader')}/taggings`, 'osdi:taggings')).toEqual([]);
    const petitions = await get(`/osdi/v1/petitions?${filter}`);
    expect(petitions.body._embedded['osdi:petitions'][0].total_signatures).toBe(3);
    expect(petitions.body._links.self.href).toContain('filter=');
  });
});
