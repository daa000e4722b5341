import { Role } from '@juntos/common';
import {
  grant,
  makeLocal,
  makeMember,
  makeUser,
  makeWorkplace,
  Receiver,
  startTwilioReceiver,
  startWebhookReceiver,
  TestApp,
  useWorld,
  WebhookDelivery,
} from '@juntos/test-support';

const SECRET = 'rapid-response-webhook-secret-of-forty-chars';

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) {
  id kind status location details reportedAt expiresAt workplace { id } local { id } } }`;
const VERIFY = `mutation($input: VerifyIncidentInput!) { verifyIncident(input: $input) {
  id status verifications { outcome note by { id } } } }`;
const PROPOSE = `mutation($input: ProposeAlertInput!) { proposeAlert(input: $input) {
  id status audience message recipientCount proposedBy { id } approvedBy { id } incident { id } } }`;
const APPROVE = `mutation($id: ID!) { approveAlert(id: $id) { id status recipientCount approvedBy { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelAlert(id: $id) { id status } }`;
const CLOSE = `mutation($id: ID!) { closeIncident(id: $id) { id status alerts { id status } } }`;
const ALERT_STATE = `query($id: ID!) { incident(id: $id) { status alerts {
  id status recipientCount deliveredCount failedCount sentAt message } } }`;
const INCIDENT = `query($id: ID!) { incident(id: $id) {
  id kind status location details expiresAt workplace { id }
  verifications { outcome note at } alerts { id message } } }`;

interface AlertState {
  id: string;
  status: string;
  recipientCount: number;
  deliveredCount: number;
  failedCount: number;
  sentAt: string | null;
  message: string;
}

/** A report, confirmed on the ground: what an alert needs. */
async function confirmedIncident(
  t: TestApp,
  reporter: string,
  verifier: string,
  input: Record<string, unknown>,
): Promise<string> {
  const r = await t.gql<{ reportIncident: { id: string } }>(reporter, REPORT, {
    input: { kind: 'WORKPLACE_RAID', location: 'North gate', details: 'Two vans at the gate', ...input },
  });
  expect(r.errors).toBeUndefined();
  const id = r.data!.reportIncident.id;
  const v = await t.gql(verifier, VERIFY, { input: { incidentId: id, outcome: 'CONFIRMED', note: 'Seen' } });
  expect(v.errors).toBeUndefined();
  return id;
}

/** Polls the alert until it is no longer SENDING. */
async function settled(t: TestApp, token: string, incidentId: string, alertId: string): Promise<AlertState> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await t.gql<{ incident: { alerts: AlertState[] } }>(token, ALERT_STATE, { id: incidentId });
    const a = r.data!.incident.alerts.find((x) => x.id === alertId)!;
    if (a.status !== 'SENDING' || Date.now() > deadline) return a;
    await new Promise((res) => setTimeout(res, 100));
  }
}

describe('the rapid-response network', () => {
  // The receiver must listen before the app starts: the app reads its URL from the environment.
  let webhook: Receiver<WebhookDelivery>;
  /** Answers for a phone number, by attempt: a test sets them before approving. */
  const answers = new Map<string, number[]>();
  const env: Record<string, string> = {};
  beforeAll(async () => {
    webhook = await startWebhookReceiver({
      secret: SECRET,
      respond: (body: { to?: string }) => answers.get(body.to ?? '')?.shift() ?? 200,
    });
    Object.assign(env, { ALERT_WEBHOOK_URL: webhook.url, ALERT_WEBHOOK_SECRET: SECRET });
  });
  afterAll(() => webhook.close());
  const ctx = useWorld(env);
  const org = () => ctx.w.own.users.ORGANIZER.token;
  const admin = () => ctx.w.own.users.LOCAL_ADMIN.token;
  const steward = () => ctx.w.own.users.STEWARD.token;
  const board = () => ctx.w.own.users.BOARD_MEMBER.token;
  const to = (deliveries: WebhookDelivery[], alertId: string) =>
    deliveries.filter((d) => d.body?.alertId === alertId);

  it('a steward reports a raid at a plant, an organizer confirms it, one organizer proposes, the same one cannot approve, a second does, and every opted-in member of the plant with a phone gets one signed text', async () => {
    const { t, w } = ctx;
    const plant = w.own.assigned;
    const elsewhere = w.own.unassigned;
    const optedIn = [
      { phone: '+12135550101', preferredLanguage: 'es' },
      { phone: '+12135550102', preferredLanguage: 'en' },
      { phone: '+12135550103', preferredLanguage: null },
    ];
    const recipients = [];
    for (const m of optedIn)
      recipients.push(await makeMember(t.db, w.own.id, { workplaceId: plant, alertOptIn: true, ...m }));
    // Nobody else may get it: not opted in, no phone, archived, another workplace, another local.
    await makeMember(t.db, w.own.id, { workplaceId: plant, phone: '+12135550104' });
    await makeMember(t.db, w.own.id, { workplaceId: plant, alertOptIn: true });
    await makeMember(t.db, w.own.id, {
      workplaceId: plant,
      alertOptIn: true,
      phone: '+12135550105',
      archived: true,
    });
    await makeMember(t.db, w.own.id, { workplaceId: elsewhere, alertOptIn: true, phone: '+12135550106' });
    await makeMember(t.db, w.other.id, {
      workplaceId: w.other.assigned,
      alertOptIn: true,
      phone: '+12135550107',
    });
    const secondOrganizer = await makeUser(t.db, { displayName: 'Second organizer' });
    await grant(t.db, w.own.id, secondOrganizer.id, Role.ORGANIZER);
    const second = t.tokenFor(secondOrganizer.id);

    const reported = await t.gql<{ reportIncident: { id: string; status: string; location: string } }>(
      steward(),
      REPORT,
      {
        input: {
          localId: w.own.id,
          workplaceId: plant,
          kind: 'WORKPLACE_RAID',
          location: 'Loading dock, north gate',
          details: 'Three unmarked vans and agents in vests at the dock',
        },
      },
    );
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportIncident).toMatchObject({
      status: 'REPORTED',
      location: 'Loading dock, north gate',
    });
    const incidentId = reported.data!.reportIncident.id;

    // Not yet verified: no alert can be proposed.
    const early = await t.gql(org(), PROPOSE, {
      input: { incidentId, audience: 'WORKPLACE_MEMBERS', message: 'ICE at the plant' },
    });
    expect(early.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const verified = await t.gql<{
      verifyIncident: { status: string; verifications: { outcome: string }[] };
    }>(org(), VERIFY, { input: { incidentId, outcome: 'CONFIRMED', note: 'Saw them from the bus stop' } });
    expect(verified.data!.verifyIncident.status).toBe('CONFIRMED');

    const message = 'ICE at the plant, north gate. Do not open doors; you have the right to remain silent.';
    const proposed = await t.gql<{ proposeAlert: { id: string; status: string; recipientCount: number } }>(
      org(),
      PROPOSE,
      { input: { incidentId, audience: 'WORKPLACE_MEMBERS', message } },
    );
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposeAlert).toMatchObject({ status: 'PROPOSED', recipientCount: 0 });
    const alertId = proposed.data!.proposeAlert.id;

    const own = await t.gql(org(), APPROVE, { id: alertId });
    expect(own.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(own.errors?.[0].message).toMatch(/second person must approve/);
    expect(to(webhook.received, alertId)).toHaveLength(0);

    const approved = await t.gql<{
      approveAlert: { status: string; recipientCount: number; approvedBy: { id: string } };
    }>(second, APPROVE, { id: alertId });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveAlert).toMatchObject({
      recipientCount: 3,
      approvedBy: { id: secondOrganizer.id },
    });

    const state = await settled(t, org(), incidentId, alertId);
    expect(state).toMatchObject({
      status: 'SENT',
      recipientCount: 3,
      deliveredCount: 3,
      failedCount: 0,
      message,
    });
    expect(state.sentAt).not.toBeNull();
    const got = to(webhook.received, alertId);
    expect(got).toHaveLength(3);
    expect(got.every((d) => d.validSignature)).toBe(true);
    expect(got.map((d) => d.body).sort((a, b) => a.to.localeCompare(b.to))).toEqual([
      { alertId, to: '+12135550101', language: 'es', text: message },
      { alertId, to: '+12135550102', language: 'en', text: message },
      { alertId, to: '+12135550103', language: 'en', text: message },
    ]);

    // Approving again changes nothing and sends nothing more.
    const again = await t.gql<{ approveAlert: { status: string } }>(admin(), APPROVE, { id: alertId });
    expect(again.data!.approveAlert.status).toBe('SENT');
    await new Promise((res) => setTimeout(res, 700));
    expect(to(webhook.received, alertId)).toHaveLength(3);

    // The text is kept once; the delivery records and the queue hold ids, never a number.
    const stored = await t.db.query(`select count(*)::int as n from alert where message = $1`, [message]);
    expect(stored.rows[0].n).toBe(1);
    const columns = await t.db.query(
      `select column_name from information_schema.columns where table_name = 'alert_delivery' order by 1`,
    );
    expect(columns.rows.map((r) => r.column_name)).toEqual([
      'alert_id',
      'attempts',
      'id',
      'local_id',
      'member_id',
      'status',
      'updated_at',
    ]);
    const leaked = await t.db.query(
      `select count(*)::int as n from pgboss.job where data::text like '%2135550%' or data::text like '%' || $1 || '%'`,
      ['north gate'],
    );
    expect(leaked.rows[0].n).toBe(0);
    const deliveries = await t.db.query(
      `select member_id, status from alert_delivery where alert_id = $1 order by member_id`,
      [alertId],
    );
    expect(deliveries.rows).toEqual(
      [...recipients].sort().map((id) => ({ member_id: id, status: 'DELIVERED' })),
    );

    // Each step is in the audit log, with ids and counts but nothing of the report.
    const audit = await t.db.query(
      `select action, target_id, detail::text as detail from audit_event where local_id = $1 and action like any (array['incident.%', 'alert.%']) order by created_at`,
      [w.own.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'incident.report',
        'incident.verify.confirmed',
        'alert.propose',
        'alert.approve',
        'alert.sent',
      ]),
    );
    const sentEvent = audit.rows.find((r) => r.action === 'alert.sent' && r.target_id === alertId);
    expect(JSON.parse(sentEvent.detail)).toEqual({ delivered: 3, failed: 0 });
    const text = JSON.stringify(audit.rows);
    expect(text).not.toMatch(/north gate|vans|bus stop|remain silent/i);
  });

  it('never alerts a false alarm: no proposal for one, and no approval once a new check finds one', async () => {
    const { t, w } = ctx;
    const r = await t.gql<{ reportIncident: { id: string } }>(org(), REPORT, {
      input: { localId: w.own.id, kind: 'CHECKPOINT', location: 'Alameda and 7th' },
    });
    const id = r.data!.reportIncident.id;
    const falseAlarm = await t.gql(org(), VERIFY, { input: { incidentId: id, outcome: 'FALSE_ALARM' } });
    expect(falseAlarm.errors).toBeUndefined();
    for (const audience of ['RESPONDERS', 'LOCAL_MEMBERS']) {
      const p = await t.gql(org(), PROPOSE, { input: { incidentId: id, audience, message: 'Checkpoint' } });
      expect(p.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(p.errors?.[0].message).toMatch(/confirmed/);
    }

    // Confirmed, proposed, then found to be a false alarm before approval.
    const id2 = await confirmedIncident(t, org(), org(), { localId: w.own.id });
    const p = await t.gql<{ proposeAlert: { id: string } }>(org(), PROPOSE, {
      input: { incidentId: id2, audience: 'LOCAL_MEMBERS', message: 'Raid reported' },
    });
    await t.gql(admin(), VERIFY, {
      input: { incidentId: id2, outcome: 'FALSE_ALARM', note: 'Utility crew' },
    });
    const approve = await t.gql(admin(), APPROVE, { id: p.data!.proposeAlert.id });
    expect(approve.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(approve.errors?.[0].message).toMatch(/no longer confirmed/);
    const rows = await t.db.query(`select count(*)::int as n from alert_delivery where alert_id = $1`, [
      p.data!.proposeAlert.id,
    ]);
    expect(rows.rows[0].n).toBe(0);
    const status = await t.db.query(`select status from alert where id = $1`, [p.data!.proposeAlert.id]);
    expect(status.rows[0].status).toBe('PROPOSED');
  });

  it('shows each viewer what they may see: the place to stewards, no place to the board, details and notes to organizers only', async () => {
    const { t, w } = ctx;
    const id = await confirmedIncident(t, steward(), org(), {
      localId: w.own.id,
      workplaceId: w.own.assigned,
      location: 'Bus stop on Main',
      details: 'Agents asked for papers',
    });
    await t.gql(org(), PROPOSE, {
      input: { incidentId: id, audience: 'RESPONDERS', message: 'Agents on Main' },
    });
    type View = {
      incident: {
        location: string | null;
        details: string | null;
        verifications: { outcome: string; note: string | null }[];
        alerts: { id: string; message: string }[];
      } | null;
    };
    const as = async (token: string) => (await t.gql<View>(token, INCIDENT, { id })).data!.incident!;
    expect(await as(org())).toMatchObject({
      location: 'Bus stop on Main',
      details: 'Agents asked for papers',
      verifications: [{ outcome: 'CONFIRMED', note: 'Seen' }],
      alerts: [{ message: 'Agents on Main' }],
    });
    expect(await as(steward())).toMatchObject({
      location: 'Bus stop on Main',
      details: null,
      verifications: [{ outcome: 'CONFIRMED', note: null }],
      alerts: [],
    });
    expect(await as(board())).toMatchObject({
      location: null,
      details: null,
      verifications: [{ outcome: 'CONFIRMED', note: null }],
      alerts: [],
    });
    // Another local's viewer: as if it did not exist.
    const other = await t.gql<View>(ctx.w.other.users.ORGANIZER.token, INCIDENT, { id });
    expect(other.data!.incident).toBeNull();
    // The details are ciphertext at rest, bound to the row.
    const raw = await t.db.query(`select details from incident where id = $1`, [id]);
    expect(raw.rows[0].details).toMatch(/^v2:/);
    expect(raw.rows[0].details).not.toMatch(/papers/);
    const note = await t.db.query(`select note from incident_verification where incident_id = $1`, [id]);
    expect(note.rows[0].note).toMatch(/^v2:/);

    // The board's dashboard counts incidents of the last 30 days.
    const dash = await t.gql<{ localDashboard: { incidentsLast30Days: number } }>(
      board(),
      'query($l: ID!) { localDashboard(localId: $l) { incidentsLast30Days } }',
      { l: w.own.id },
    );
    const counted = await t.db.query(
      `select count(*)::int as n from incident where local_id = $1 and reported_at >= now() - interval '30 days'`,
      [w.own.id],
    );
    expect(dash.data!.localDashboard.incidentsLast30Days).toBe(counted.rows[0].n);
    expect(counted.rows[0].n).toBeGreaterThan(0);
  });

  it('fails only the field whose ciphertext was copied from another incident, with UNREADABLE', async () => {
    const { t, w } = ctx;
    const a = await confirmedIncident(t, org(), org(), { localId: w.own.id, details: 'Details of A' });
    const b = await confirmedIncident(t, org(), org(), { localId: w.own.id, details: 'Details of B' });
    await t.db.query(
      `update incident set details = (select details from incident where id = $1) where id = $2`,
      [a, b],
    );
    const r = await t.gql<{ incident: { details: string | null; location: string } }>(org(), INCIDENT, {
      id: b,
    });
    expect(r.errors?.map((e) => [e.path?.join('.'), e.extensions.code])).toEqual([
      ['incident.details', 'UNREADABLE'],
    ]);
    expect(r.data!.incident).toMatchObject({ details: null, location: 'North gate' });
    const ok = await t.gql<{ incident: { details: string } }>(org(), INCIDENT, { id: a });
    expect(ok.data!.incident.details).toBe('Details of A');
  });

  it('lets a steward report only at assigned workplaces or at none, and refuses bad input with nothing written', async () => {
    const { t, w } = ctx;
    const before = await t.db.query(`select count(*)::int as n from incident`);
    const cases: [string, Record<string, unknown>, string][] = [
      [steward(), { workplaceId: w.own.unassigned }, 'BAD_USER_INPUT'],
      [org(), { workplaceId: w.other.assigned }, 'BAD_USER_INPUT'],
      [org(), { location: 'x'.repeat(301) }, 'BAD_USER_INPUT'],
      [org(), { details: 'x'.repeat(5001) }, 'BAD_USER_INPUT'],
      [org(), { reportedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'BAD_USER_INPUT'],
      [org(), { kind: 'IMMIGRATION_STATUS' }, 'BAD_USER_INPUT'],
      // Postgres counts characters in code points: an emoji with its variation selector is two.
      [org(), { location: '⚠️'.repeat(200) }, 'BAD_USER_INPUT'],
      [org(), { reportedAt: new Date(Date.now() - 31 * 24 * 3_600_000).toISOString() }, 'BAD_USER_INPUT'],
      [board(), {}, 'FORBIDDEN'],
    ];
    for (const [token, input, code] of cases) {
      const r = await t.gql(token, REPORT, { input: { localId: w.own.id, kind: 'ARREST', ...input } });
      expect([input, r.errors?.[0].extensions.code]).toEqual([input, code]);
    }
    expect((await t.db.query(`select count(*)::int as n from incident`)).rows[0].n).toBe(before.rows[0].n);

    const roadside = await t.gql<{ reportIncident: { workplace: null; status: string } }>(steward(), REPORT, {
      input: { localId: w.own.id, kind: 'CHECKPOINT', location: 'Freeway on-ramp' },
    });
    expect(roadside.data!.reportIncident).toMatchObject({ workplace: null, status: 'REPORTED' });

    const id = await confirmedIncident(t, org(), org(), { localId: w.own.id });
    for (const message of ['', 'x'.repeat(321), '⚠️'.repeat(161)]) {
      const p = await t.gql(org(), PROPOSE, { input: { incidentId: id, audience: 'RESPONDERS', message } });
      expect(p.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const noWorkplace = await t.gql(org(), PROPOSE, {
      input: { incidentId: id, audience: 'WORKPLACE_MEMBERS', message: 'Raid' },
    });
    expect(noWorkplace.errors?.[0].message).toMatch(/no workplace/);
    const longNote = await t.gql(org(), VERIFY, {
      input: { incidentId: id, outcome: 'CONFIRMED', note: 'x'.repeat(1001) },
    });
    expect(longNote.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('sends RESPONDERS alerts to available responders covering the workplace, and to all available ones when there is none', async () => {
    const { t, w } = ctx;
    const site = await makeWorkplace(t.db, w.own.id, { name: 'Responders site' });
    const covering = await makeMember(t.db, w.own.id, { phone: '+13235550201' });
    const away = await makeMember(t.db, w.own.id, { phone: '+13235550202' });
    const otherSite = await makeMember(t.db, w.own.id, { phone: '+13235550203' });
    const archived = await makeMember(t.db, w.own.id, { phone: '+13235550204' });
    const SET = `mutation($input: ResponderInput!) { setResponder(input: $input) {
      id skills available member { id } workplaces { id } } }`;
    const set = (memberId: string, workplaceIds: string[], available = true) =>
      t.gql<{ setResponder: { id: string; workplaces: { id: string }[] } }>(org(), SET, {
        input: { memberId, skills: ['VERIFIER', 'LEGAL_OBSERVER'], workplaceIds, available },
      });
    const first = await set(covering, [site, w.own.assigned]);
    expect(first.errors).toBeUndefined();
    expect(first.data!.setResponder.workplaces.map((x) => x.id).sort()).toEqual(
      [site, w.own.assigned].sort(),
    );
    await set(away, [site], false);
    await set(otherSite, [w.own.unassigned]);
    await set(archived, [site]);
    await t.db.query(`update member set archived_at = now() where id = $1`, [archived]);
    // Updating replaces the workplaces.
    const moved = await set(covering, [site]);
    expect(moved.data!.setResponder.workplaces).toEqual([{ id: site }]);

    const roster = await t.gql<{ responders: { totalCount: number } }>(
      org(),
      'query($l: ID!) { responders(localId: $l) { totalCount nodes { id member { id } } } }',
      { l: w.own.id },
    );
    expect(roster.data!.responders.totalCount).toBe(4);
    expect(
      (await t.gql(steward(), 'query($l: ID!) { responders(localId: $l) { totalCount } }', { l: w.own.id }))
        .errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');

    const send = async (input: Record<string, unknown>) => {
      const id = await confirmedIncident(t, org(), org(), { localId: w.own.id, ...input });
      const p = await t.gql<{ proposeAlert: { id: string } }>(org(), PROPOSE, {
        input: { incidentId: id, audience: 'RESPONDERS', message: 'Go verify' },
      });
      await t.gql(admin(), APPROVE, { id: p.data!.proposeAlert.id });
      await settled(t, org(), id, p.data!.proposeAlert.id);
      return to(webhook.received, p.data!.proposeAlert.id)
        .map((d) => d.body.to)
        .sort();
    };
    expect(await send({ workplaceId: site })).toEqual(['+13235550201']);
    expect(await send({})).toEqual(['+13235550201', '+13235550203']);

    // A member of another local, or an archived one, is refused; removing answers whether they were one.
    const outsider = await makeMember(t.db, w.other.id, { phone: '+13235550299' });
    expect((await set(outsider, [])).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await set(archived, [])).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await set(covering, [w.other.assigned])).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const REMOVE = 'mutation($m: ID!) { removeResponder(memberId: $m) }';
    expect((await t.gql(org(), REMOVE, { m: away })).data).toEqual({ removeResponder: true });
    expect((await t.gql(org(), REMOVE, { m: away })).data).toEqual({ removeResponder: false });
  });

  it('retries a message the receiver failed, counts one it refused as failed, and still finishes the alert', async () => {
    const { t, w } = ctx;
    const site = await makeWorkplace(t.db, w.own.id, { name: 'Retry site' });
    await makeMember(t.db, w.own.id, { workplaceId: site, alertOptIn: true, phone: '+16265550301' });
    await makeMember(t.db, w.own.id, { workplaceId: site, alertOptIn: true, phone: '+16265550302' });
    await makeMember(t.db, w.own.id, { workplaceId: site, alertOptIn: true, phone: '+16265550303' });
    answers.set('+16265550301', [503]);
    answers.set('+16265550302', [400]);
    const id = await confirmedIncident(t, org(), org(), { localId: w.own.id, workplaceId: site });
    const p = await t.gql<{ proposeAlert: { id: string } }>(org(), PROPOSE, {
      input: { incidentId: id, audience: 'WORKPLACE_MEMBERS', message: 'Raid at the retry site' },
    });
    const alertId = p.data!.proposeAlert.id;
    await t.gql(admin(), APPROVE, { id: alertId });
    const state = await settled(t, org(), id, alertId);
    expect(state).toMatchObject({ status: 'SENT', recipientCount: 3, deliveredCount: 2, failedCount: 1 });
    const got = to(webhook.received, alertId);
    // 0301 twice (503, then 200), 0302 once (400, not retried), 0303 once.
    expect(got.map((d) => [d.body.to, d.status]).sort()).toEqual([
      ['+16265550301', 200],
      ['+16265550301', 503],
      ['+16265550302', 400],
      ['+16265550303', 200],
    ]);
    const attempts = await t.db.query(
      `select m.phone, d.attempts, d.status from alert_delivery d join member m on m.id = d.member_id where d.alert_id = $1 order by m.phone`,
      [alertId],
    );
    expect(attempts.rows).toEqual([
      { phone: '+16265550301', attempts: 2, status: 'DELIVERED' },
      { phone: '+16265550302', attempts: 1, status: 'FAILED' },
      { phone: '+16265550303', attempts: 1, status: 'DELIVERED' },
    ]);
  });

  it('takes writes about one incident in turns: parallel proposals, approvals and closing never answer CONFLICT', async () => {
    const { t, w } = ctx;
    const id = await confirmedIncident(t, org(), org(), { localId: w.own.id });
    const proposals = await Promise.all(
      [1, 2, 3].map((n) =>
        t.gql<{ proposeAlert: { id: string } }>(n % 2 ? org() : admin(), PROPOSE, {
          input: { incidentId: id, audience: 'LOCAL_MEMBERS', message: `Raid ${n}` },
        }),
      ),
    );
    expect(proposals.map((p) => p.errors)).toEqual([undefined, undefined, undefined]);
    const [a, b, c] = proposals.map((p) => p.data!.proposeAlert.id);
    // a and c were proposed by the organizer, b by the admin: each approved by the other.
    const raced = await Promise.all([
      t.gql(admin(), APPROVE, { id: a }),
      t.gql(org(), APPROVE, { id: b }),
      t.gql(admin(), CANCEL, { id: c }),
      t.gql(org(), CLOSE, { id }),
    ]);
    const codes = raced.flatMap((r) => r.errors?.map((e) => e.extensions.code) ?? []);
    // Closing first cancels what is still proposed, and an approval after it says so.
    expect(codes.filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
    const statuses = await t.db.query(`select status from incident where id = $1`, [id]);
    expect(statuses.rows[0].status).toBe('CLOSED');
  });

  it('cancels a proposed alert, refuses to approve it after, and cancels proposals when the incident closes', async () => {
    const { t, w } = ctx;
    const id = await confirmedIncident(t, org(), org(), { localId: w.own.id });
    const propose = async () =>
      (
        await t.gql<{ proposeAlert: { id: string } }>(org(), PROPOSE, {
          input: { incidentId: id, audience: 'LOCAL_MEMBERS', message: 'Raid' },
        })
      ).data!.proposeAlert.id;
    const a = await propose();
    expect(
      (await t.gql<{ cancelAlert: { status: string } }>(org(), CANCEL, { id: a })).data!.cancelAlert.status,
    ).toBe('CANCELLED');
    expect((await t.gql(admin(), APPROVE, { id: a })).errors?.[0].message).toMatch(/cancelled/);
    const b = await propose();
    const closed = await t.gql<{
      closeIncident: { status: string; alerts: { id: string; status: string }[] };
    }>(admin(), CLOSE, { id });
    expect(closed.data!.closeIncident.status).toBe('CLOSED');
    expect(closed.data!.closeIncident.alerts.find((x) => x.id === b)!.status).toBe('CANCELLED');
    const verify = await t.gql(org(), VERIFY, { input: { incidentId: id, outcome: 'CONFIRMED' } });
    expect(verify.errors?.[0].message).toMatch(/closed/);
  });

  it('keeps alert consent and the responder row when two records of one member are merged', async () => {
    const { t, w } = ctx;
    const kept = await makeMember(t.db, w.own.id, { phone: '+15625550501' });
    const gone = await makeMember(t.db, w.own.id, { phone: '+15625550502', alertOptIn: true });
    await t.gql(org(), 'mutation($input: ResponderInput!) { setResponder(input: $input) { id } }', {
      input: { memberId: gone, skills: ['DRIVER'], workplaceIds: [w.own.assigned], available: true },
    });
    const pair = await t.db.query(
      `insert into possible_duplicate (local_id, member_id, other_member_id, matched) values ($1, $2, $3, '{PHONE}') returning id`,
      [w.own.id, kept, gone],
    );
    const merged = await t.gql(
      org(),
      'mutation($id: ID!, $keep: ID!) { mergePossibleDuplicate(id: $id, keepMemberId: $keep) { id alertOptIn } }',
      { id: pair.rows[0].id, keep: kept },
    );
    expect(merged.data).toEqual({ mergePossibleDuplicate: { id: kept, alertOptIn: true } });
    const responder = await t.db.query(
      `select r.skills, array_agg(rw.workplace_id) as workplaces from responder r
         join responder_workplace rw on rw.responder_id = r.id where r.member_id = $1 group by r.skills`,
      [kept],
    );
    expect(responder.rows).toEqual([{ skills: ['DRIVER'], workplaces: [w.own.assigned] }]);
  });

  it('keeps the delivery counts and loses the person when a recipient is erased', async () => {
    const { t, w } = ctx;
    const site = await makeWorkplace(t.db, w.own.id, { name: 'Erasure site' });
    const member = await makeMember(t.db, w.own.id, {
      workplaceId: site,
      alertOptIn: true,
      phone: '+17145550401',
    });
    const id = await confirmedIncident(t, org(), org(), { localId: w.own.id, workplaceId: site });
    const p = await t.gql<{ proposeAlert: { id: string } }>(org(), PROPOSE, {
      input: { incidentId: id, audience: 'WORKPLACE_MEMBERS', message: 'Raid' },
    });
    await t.gql(admin(), APPROVE, { id: p.data!.proposeAlert.id });
    await settled(t, org(), id, p.data!.proposeAlert.id);
    const erased = await t.gql(admin(), 'mutation($id: ID!) { eraseMember(id: $id) }', { id: member });
    expect(erased.errors).toBeUndefined();
    const rows = await t.db.query(`select member_id, status from alert_delivery where alert_id = $1`, [
      p.data!.proposeAlert.id,
    ]);
    expect(rows.rows).toEqual([{ member_id: null, status: 'DELIVERED' }]);
    const state = await settled(t, org(), id, p.data!.proposeAlert.id);
    expect(state).toMatchObject({ recipientCount: 1, deliveredCount: 1 });
  });
});

describe('the rapid-response network, after the retention', () => {
  it('erases the location, details, notes and alert text for good, keeps kind, status, workplace and dates, and refuses approval with no channel', async () => {
    // A retention of 3.6 seconds; no text channel configured.
    const t = await TestApp.create({ INCIDENT_RETENTION_HOURS: '0.001' });
    try {
      const local = await makeLocal(t.db, 'Expiry local');
      const site = await makeWorkplace(t.db, local, { name: 'Expiry site' });
      const users = [];
      for (const role of [Role.ORGANIZER, Role.LOCAL_ADMIN, Role.BOARD_MEMBER]) {
        const u = await makeUser(t.db);
        await grant(t.db, local, u.id, role);
        users.push(t.tokenFor(u.id));
      }
      const [org, admin] = users;
      const id = await confirmedIncident(t, org, org, {
        localId: local,
        workplaceId: site,
        location: 'Corner of 5th and Main',
        details: 'Agents detained two people',
      });
      const p = await t.gql<{ proposeAlert: { id: string } }>(org, PROPOSE, {
        input: { incidentId: id, audience: 'RESPONDERS', message: 'Agents at 5th and Main' },
      });
      const noChannel = await t.gql(admin, APPROVE, { id: p.data!.proposeAlert.id });
      expect(noChannel.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(noChannel.errors?.[0].message).toMatch(/ALERT_WEBHOOK_URL/);

      const before = (
        await t.db.query(
          `select kind, status, workplace_id, reported_at, created_at, expires_at from incident where id = $1`,
          [id],
        )
      ).rows[0];
      // The pg-boss job scheduled at the expiry erases it; wait for it (as the owner, with SQL).
      const deadline = Date.now() + 30_000;
      let erasedAt: Date | null = null;
      while (!erasedAt && Date.now() < deadline) {
        await new Promise((res) => setTimeout(res, 250));
        erasedAt = (await t.db.query(`select erased_at from incident where id = $1`, [id])).rows[0].erased_at;
      }
      expect(erasedAt).not.toBeNull();
      const after = (
        await t.db.query(
          `select kind, status, workplace_id, reported_at, created_at, expires_at, location, details from incident where id = $1`,
          [id],
        )
      ).rows[0];
      expect(after).toEqual({ ...before, location: null, details: null });
      const notes = await t.db.query(
        `select note, outcome from incident_verification where incident_id = $1`,
        [id],
      );
      expect(notes.rows).toEqual([{ note: null, outcome: 'CONFIRMED' }]);
      const alerts = await t.db.query(`select message, status from alert where incident_id = $1`, [id]);
      // The proposal waiting for approval was cancelled with the erasure.
      expect(alerts.rows).toEqual([{ message: null, status: 'CANCELLED' }]);
      // Nothing new can be written about it: no note, no alert text outlives the erasure.
      const verify = await t.gql(org, VERIFY, {
        input: { incidentId: id, outcome: 'CONFIRMED', note: 'Still there' },
      });
      expect(verify.errors?.[0].message).toMatch(/expired/);
      const propose = await t.gql(org, PROPOSE, {
        input: { incidentId: id, audience: 'RESPONDERS', message: 'Still there' },
      });
      expect(propose.errors?.[0].message).toMatch(/expired/);
      // Nowhere in the database: not in the queue, not in the audit log.
      for (const table of ['pgboss.job', 'audit_event'])
        expect(
          (
            await t.db.query(
              `select count(*)::int as n from ${table} t where t::text ~* '5th and Main|detained'`,
            )
          ).rows[0].n,
        ).toBe(0);
      const audit = await t.db.query(
        `select count(*)::int as n from audit_event where action = 'incident.expire' and target_id = $1`,
        [id],
      );
      expect(audit.rows[0].n).toBe(1);

      const view = await t.gql<{
        incident: { location: null; details: null; status: string; alerts: { message: string }[] };
      }>(org, INCIDENT, { id });
      expect(view.data!.incident).toMatchObject({
        location: null,
        details: null,
        status: 'CONFIRMED',
        alerts: [{ message: '' }],
      });
    } finally {
      await t.close();
    }
  });

  it('delivers through the Twilio adapter, speaking its Messages API', async () => {
    const sid = `AC${'0123456789abcdef'.repeat(2)}`;
    const twilio = await startTwilioReceiver({ accountSid: sid, authToken: 'twilio-test-token' });
    const t = await TestApp.create({
      TWILIO_ACCOUNT_SID: sid,
      TWILIO_AUTH_TOKEN: 'twilio-test-token',
      TWILIO_FROM: '+12135550999',
      TWILIO_API_BASE: twilio.url,
    });
    try {
      const local = await makeLocal(t.db, 'Twilio local');
      const site = await makeWorkplace(t.db, local);
      await makeMember(t.db, local, {
        workplaceId: site,
        alertOptIn: true,
        phone: '+18185550501',
        preferredLanguage: 'es',
      });
      const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
      await grant(t.db, local, a.id, Role.ORGANIZER);
      await grant(t.db, local, b.id, Role.LOCAL_ADMIN);
      const id = await confirmedIncident(t, t.tokenFor(a.id), t.tokenFor(a.id), {
        localId: local,
        workplaceId: site,
      });
      const p = await t.gql<{ proposeAlert: { id: string } }>(t.tokenFor(a.id), PROPOSE, {
        input: {
          incidentId: id,
          audience: 'WORKPLACE_MEMBERS',
          message: 'Redada en la planta. No abran la puerta.',
        },
      });
      await t.gql(t.tokenFor(b.id), APPROVE, { id: p.data!.proposeAlert.id });
      const [sent] = await twilio.waitFor(1, 15_000);
      expect(sent.validAuth).toBe(true);
      expect(sent.path).toBe(`/2010-04-01/Accounts/${sid}/Messages.json`);
      expect(sent.form).toEqual({
        To: '+18185550501',
        From: '+12135550999',
        Body: 'Redada en la planta. No abran la puerta.',
      });
      const state = await settled(t, t.tokenFor(a.id), id, p.data!.proposeAlert.id);
      expect(state).toMatchObject({ status: 'SENT', deliveredCount: 1, failedCount: 0 });
    } finally {
      await t.close();
      await twilio.close();
    }
  });
});
