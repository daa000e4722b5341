import { join } from 'node:path';
import { Page, Request } from 'playwright-core';
import { Role } from '@juntos/common';
import {
  grant,
  makeIncident,
  makeLocal,
  makeMember,
  makeUser,
  makeWorkplace,
  Receiver,
  startWebhookReceiver,
  WebhookDelivery,
} from '@juntos/test-support';
import {
  checkScreen,
  describeInBrowser,
  hasCount,
  LAPTOP,
  phone,
  rigForFile,
  settled,
  SHELL_WORDS,
  shot,
  signIn,
  signOutClean,
} from './browser';

/** Full-page screenshots of every screen checked, when asked for (DESK_SHOTS=<directory>). */
const SHOTS = process.env.DESK_SHOTS;
let shots = 0;
const SECRET = 'desk-browser-test-webhook-secret-of-forty-chars';

/** The words the test reads on screen, in each language (the catalogs' own). */
const WORDS = {
  en: {
    ...SHELL_WORDS.en,
    reportRaid: 'Report a raid',
    workplaceRaid: 'Raid at a workplace',
    what: 'What is happening?',
    where: 'Where?',
    sendNow: 'Send now',
    checkpoint: 'Checkpoint',
    somewhereElse: 'Somewhere else (a road, a corner)',
    placeLabel: 'Where (optional)',
    openOnDesk: 'Open it on the desk',
    details: 'What did you see? (optional)',
    never: 'Never record immigration status.',
    sent: 'Sent. The rapid-response desk was told and will check it.',
    desk: 'Rapid response',
    reported: 'Reported, not checked yet',
    confirmed: 'Confirmed',
    closed: 'Closed',
    note: 'Note',
    saveCheck: 'Save the check',
    audienceWorkplace: 'Members of the workplace who asked for alerts',
    alertText: 'Text of the alert',
    propose: 'Propose the alert',
    waiting: 'Waiting for approval',
    youProposed: 'You proposed this alert: a second person must approve it.',
    approve: 'Approve and send',
    cancelAlert: 'Cancel the alert',
    cancelled: 'Cancelled',
    statusSent: 'Sent',
    delivered: (n: number, of: number) => `Delivered to ${n} of ${of}`,
    closeIncident: 'Close the incident',
    yesClose: 'Yes, close it',
    expired: 'Expired: details erased',
    expiredOn: 'Expired on',
    recordCheck: 'Record a check',
    responders: 'Responders',
    addResponder: 'Add a responder',
    searchMember: 'Search for a member',
    verifier: 'Verifier',
    save: 'Save',
    remove: (name: string) => `Remove ${name} from the responders`,
    noResponders: 'No responders yet.',
    edit: (name: string) => `Edit ${name}`,
    driver: 'Driver',
    availableNow: 'Available now',
    notAvailable: 'Not available now',
  },
  es: {
    ...SHELL_WORDS.es,
    reportRaid: 'Reportar una redada',
    workplaceRaid: 'Redada en un centro de trabajo',
    what: '¿Qué está pasando?',
    where: '¿Dónde?',
    sendNow: 'Enviar ahora',
    checkpoint: 'Retén',
    somewhereElse: 'Otro lugar (una calle, una esquina)',
    placeLabel: 'Dónde (opcional)',
    openOnDesk: 'Abrirlo en respuesta rápida',
    details: '¿Qué viste? (opcional)',
    never: 'Nunca anotes el estatus migratorio.',
    sent: 'Enviado. Ya le avisamos a la red de respuesta rápida, que lo va a verificar.',
    desk: 'Respuesta rápida',
    reported: 'Reportado, sin verificar',
    confirmed: 'Confirmado',
    closed: 'Cerrado',
    note: 'Nota',
    saveCheck: 'Guardar la verificación',
    audienceWorkplace: 'Miembros del centro de trabajo que pidieron alertas',
    alertText: 'Texto de la alerta',
    propose: 'Proponer la alerta',
    waiting: 'Esperando aprobación',
    youProposed: 'Tú propusiste esta alerta: otra persona tiene que aprobarla.',
    approve: 'Aprobar y enviar',
    cancelAlert: 'Cancelar la alerta',
    cancelled: 'Cancelada',
    statusSent: 'Enviada',
    delivered: (n: number, of: number) => `Entregada a ${n} de ${of}`,
    closeIncident: 'Cerrar el reporte',
    yesClose: 'Sí, cerrarlo',
    expired: 'Vencido: detalles borrados',
    expiredOn: 'Venció el',
    recordCheck: 'Anotar una verificación',
    responders: 'Voluntarios/as de respuesta rápida',
    addResponder: 'Agregar un/a voluntario/a',
    searchMember: 'Busca un miembro',
    verifier: 'Verificador/a',
    save: 'Guardar',
    remove: (name: string) => `Quitar a ${name} de la red de respuesta rápida`,
    noResponders: 'Todavía no hay voluntarios/as de respuesta rápida.',
    edit: (name: string) => `Editar a ${name}`,
    driver: 'Conductor/a',
    availableNow: 'Disponible ahora',
    notAvailable: 'No disponible ahora',
  },
};

const PHONES = ['+12135550201', '+12135550202', '+12135550203'];

describeInBrowser('the rapid-response desk in the web app', () => {
  let webhook: Receiver<WebhookDelivery>;
  /** The first answer to one phone is a 503: its retry keeps the alert sending for a moment. */
  const flaky = new Set<string>();

  beforeAll(async () => {
    // The receiver listens before the app starts (below).
    webhook = await startWebhookReceiver({
      secret: SECRET,
      respond: (body: { to?: string }) => {
        if (body.to && flaky.delete(body.to)) return 503;
        return 200;
      },
    });
  }, 120_000);
  // The app starts after the receiver: it reads the receiver's URL from the environment.
  const rig = rigForFile(() => ({ ALERT_WEBHOOK_URL: webhook.url, ALERT_WEBHOOK_SECRET: SECRET }));
  afterAll(async () => {
    await webhook?.close();
  });

  /**
   * A local with a plant, a steward assigned to it, two organizers, a board member; three members
   * of the plant who asked for alerts (with a phone), one who did not; a member to make a
   * responder; and an incident that has expired.
   */
  async function seed(lang: 'en' | 'es') {
    const db = rig.t.db;
    const local = await makeLocal(db, `Local 11 (${lang})`);
    const plant = await makeWorkplace(db, local, { name: `Acme Foods (${lang})` });
    const steward = await makeUser(db, { displayName: 'Rosa' });
    await grant(db, local, steward.id, Role.STEWARD, [plant]);
    const olga = await makeUser(db, { displayName: 'Olga Organizer' });
    await grant(db, local, olga.id, Role.ORGANIZER);
    const oscar = await makeUser(db, { displayName: 'Oscar Organizer' });
    await grant(db, local, oscar.id, Role.ORGANIZER);
    const board = await makeUser(db, { displayName: 'Berta Board' });
    await grant(db, local, board.id, Role.BOARD_MEMBER);
    for (const [i, phoneNumber] of PHONES.entries())
      await makeMember(db, local, {
        workplaceId: plant,
        firstName: `Opted${i}`,
        lastName: 'In',
        phone: phoneNumber,
        alertOptIn: true,
        preferredLanguage: lang,
      });
    await makeMember(db, local, { workplaceId: plant, phone: '+12135550209', alertOptIn: false });
    const rita = await makeMember(db, local, { workplaceId: plant, firstName: 'Rita', lastName: 'Reyes' });
    const old = await makeIncident(db, local, {
      workplaceId: plant,
      kind: 'CHECKPOINT',
      status: 'CONFIRMED',
      location: null,
      expiresAt: new Date(Date.now() - 3600_000),
    });
    await db.query(
      `update incident set erased_at = now(), reported_at = now() - interval '4 days' where id = $1`,
      [old],
    );
    return { local, plant, steward, olga, oscar, board, rita, old };
  }

  /** Every screen visited: the checks every screen passes, and a full-page picture when DESK_SHOTS is set. */
  async function check(page: Page) {
    await settled(page);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `desk-${++shots}.png`), fullPage: true });
    await checkScreen(page);
  }

  for (const lang of ['es', 'en'] as const) {
    it(`reports a raid in three taps, verifies, alerts by two people, watches it delivered and closes it, in ${lang === 'es' ? 'Spanish' : 'English'}`, async () => {
      const w = WORDS[lang];
      const s = await seed(lang);
      const db = rig.t.db;

      // 1. A steward on a phone: Today, then what, where, send: three taps.
      const steward = await phone(rig.browser, w.locale);
      await signIn(steward, rig.base, s.steward.email, w, { heading: w.today });
      await check(steward);
      await steward.getByRole('link', { name: w.reportRaid }).click();
      await steward.getByText(w.what).waitFor();
      await check(steward);
      await steward.getByRole('button', { name: w.workplaceRaid }).click();
      await steward.getByText(w.where).waitFor();
      await check(steward);
      await steward.getByRole('button', { name: `Acme Foods (${lang})` }).click();
      await steward.getByText(w.never).waitFor();
      await check(steward);
      if (lang === 'es') await shot(steward, 'report');
      // In English the steward adds the optional details, and loses the signal on sending: the
      // screen says so and keeps what was chosen and typed.
      const details = lang === 'en' ? 'Three vans at the loading dock' : null;
      if (details) {
        await steward.getByLabel(w.details).fill(details);
        await steward.context().setOffline(true);
        await steward.getByRole('button', { name: w.sendNow }).click();
        await steward.getByRole('alert').filter({ hasText: w.offline }).waitFor();
        expect(await steward.getByLabel(w.details).inputValue()).toBe(details);
        await steward.context().setOffline(false);
      }
      await steward.getByRole('button', { name: w.sendNow }).click();
      await steward.getByRole('status').filter({ hasText: w.sent }).waitFor();
      await check(steward);
      const { rows: reported } = await db.query(
        `select id, kind, status, workplace_id, location, details is not null as has_details
           from incident where local_id = $1 and erased_at is null`,
        [s.local],
      );
      expect(reported).toEqual([
        {
          id: expect.any(String),
          kind: 'WORKPLACE_RAID',
          status: 'REPORTED',
          workplace_id: s.plant,
          location: null,
          has_details: !!details,
        },
      ]);
      const incidentId: string = reported[0].id;
      await signOutClean(steward, w);

      // 2. An organizer on a laptop: the report is on the desk, newest first, with its status.
      const olga = await phone(rig.browser, w.locale);
      await olga.setViewportSize(LAPTOP);
      await signIn(olga, rig.base, s.olga.email, w);
      await olga.locator('nav.tabs').getByRole('link', { name: w.desk }).click();
      await olga.getByRole('heading', { name: w.desk, level: 1 }).waitFor();
      const cards = olga.locator('.incidents article');
      await hasCount(cards, 2);
      await cards.first().getByText(w.reported).waitFor();
      await cards.first().getByText(`Acme Foods (${lang})`).waitFor();
      // The expired one reads as expired.
      await cards.nth(1).getByText(w.expired).waitFor();
      await check(olga);

      // An expired incident: its details are gone, and it takes no more checks.
      await cards.nth(1).getByRole('link').click();
      await olga.getByText(w.expiredOn).waitFor();
      await check(olga);
      expect(await olga.getByText(w.recordCheck).count()).toBe(0);
      await olga.goBack();

      // 3. Verify it: confirmed, with a note.
      await olga.locator('.incidents article').first().getByRole('link').click();
      await olga.getByText(w.recordCheck).waitFor();
      if (details) await olga.getByText(details).waitFor();
      await check(olga);
      await olga.getByRole('button', { name: w.confirmed, exact: true }).click();
      await olga.getByLabel(w.note).fill('Two vans at the loading dock');
      await olga.getByRole('button', { name: w.saveCheck }).click();
      await olga.locator('.verifications').getByText('Two vans at the loading dock').waitFor();
      await olga.locator('dd.status').getByText(w.confirmed).waitFor();

      // 4. Propose an alert to the plant's members who asked for alerts.
      await olga.getByRole('button', { name: w.audienceWorkplace }).click();
      const text = `Agents at Acme Foods (${lang}): stay inside, you have the right to remain silent.`;
      await olga.getByLabel(w.alertText).fill(text);
      await check(olga);
      await olga.getByRole('button', { name: w.propose }).click();
      const proposed = olga.locator('article.alert');
      await proposed.getByText(w.waiting).waitFor();
      await proposed.getByText(w.youProposed).waitFor();
      // The proposer is not offered Approve, and the API refuses it too.
      expect(await olga.getByRole('button', { name: w.approve }).count()).toBe(0);
      await check(olga);
      const { rows: alerts } = await db.query(
        `select id, status, message from alert where incident_id = $1`,
        [incidentId],
      );
      expect(alerts).toEqual([{ id: expect.any(String), status: 'PROPOSED', message: text }]);
      const alertId: string = alerts[0].id;
      const refused = await rig.t.gql(
        rig.t.tokenFor(s.olga.id),
        `mutation($id: ID!) { approveAlert(id: $id) { id } }`,
        {
          id: alertId,
        },
      );
      expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');

      // 5. A second organizer, on a phone of their own, approves it; the counts rise as it is sent.
      const oscar = await phone(rig.browser, w.locale);
      await signIn(oscar, rig.base, s.oscar.email, w);
      await oscar.locator('nav.tabs').getByRole('link', { name: w.desk }).click();
      await oscar.locator('.incidents article').first().getByRole('link').click();
      const alert = oscar.locator('article.alert');
      await alert.getByText(w.waiting).waitFor();
      expect(await alert.getByText(w.youProposed).count()).toBe(0);
      await check(oscar);
      flaky.add(PHONES[0]);
      const polls: number[] = [];
      const onRequest = (r: Request) => {
        if (r.url().endsWith('/graphql') && r.postData()?.includes('query DeskIncident('))
          polls.push(Date.now());
      };
      oscar.on('request', onRequest);
      const approvedAt = Date.now();
      await alert.getByRole('button', { name: w.approve }).click();
      await alert.getByText(w.delivered(3, 3)).waitFor({ timeout: 30_000 });
      await alert.getByText(w.statusSent, { exact: true }).waitFor();
      // The counts came from asking again while it was sending, every few seconds, and the asking stopped.
      expect(polls.length).toBeGreaterThanOrEqual(2);
      const seen = polls.length;
      await new Promise((r) => setTimeout(r, 5000));
      expect(polls.length).toBe(seen);
      oscar.off('request', onRequest);
      console.log(`desk (${lang}): delivered to 3 of 3 in ${Date.now() - approvedAt} ms, ${seen} requests`);
      const texts = webhook.received.filter((d) => d.body?.alertId === alertId && d.status === 200);
      expect(texts.map((d) => d.body.to).sort()).toEqual([...PHONES].sort());
      expect(texts.every((d) => d.validSignature && d.body.text === text && d.body.language === lang)).toBe(
        true,
      );
      await check(oscar);
      if (lang === 'es') await shot(oscar, 'desk-incident');

      // Another alert, proposed and then cancelled: it is never sent.
      await oscar.getByLabel(w.alertText).fill('Second text, not to be sent');
      await oscar.getByRole('button', { name: w.propose }).click();
      const second = oscar.locator('article.alert').filter({ hasText: 'Second text' });
      await second.getByText(w.waiting).waitFor();
      await second.getByRole('button', { name: w.cancelAlert }).click();
      await second.getByText(w.cancelled, { exact: true }).waitFor();
      const { rows: cancelled } = await db.query(
        `select status, recipient_count from alert where incident_id = $1 and id <> $2`,
        [incidentId, alertId],
      );
      expect(cancelled).toEqual([{ status: 'CANCELLED', recipient_count: 0 }]);

      // 6. Close the incident, after a confirmation.
      await oscar.getByRole('button', { name: w.closeIncident }).click();
      await check(oscar);
      await oscar.getByRole('button', { name: w.yesClose }).click();
      await oscar.locator('dd.status').getByText(w.closed).waitFor();
      expect(await oscar.getByText(w.recordCheck).count()).toBe(0);
      const { rows: closed } = await db.query(`select status from incident where id = $1`, [incidentId]);
      expect(closed).toEqual([{ status: 'CLOSED' }]);
      await check(oscar);
      await signOutClean(oscar, w);

      // 7. Responders: add one by picking a member, edit them, then remove them.
      await olga.goto(`${rig.base}/desk/responders`);
      await olga.getByRole('heading', { name: w.responders, level: 1 }).waitFor();
      await olga.getByText(w.noResponders).waitFor();
      await check(olga);
      await olga.getByRole('button', { name: w.addResponder }).click();
      await olga.getByLabel(w.searchMember).fill('Rita');
      await olga
        .locator('.choices')
        .getByRole('button', { name: /Rita Reyes/ })
        .click();
      await olga.getByRole('button', { name: w.verifier }).click();
      await olga.getByRole('button', { name: `Acme Foods (${lang})` }).click();
      await check(olga);
      await olga.getByRole('button', { name: w.save, exact: true }).click();
      await olga.locator('.responders').getByText('Rita Reyes').waitFor();
      await olga.locator('.responders').getByText(w.verifier).waitFor();
      const { rows: roster } = await db.query(
        `select r.skills, array_agg(rw.workplace_id) as workplaces from responder r
           join responder_workplace rw on rw.responder_id = r.id where r.member_id = $1 group by r.id`,
        [s.rita],
      );
      expect(roster).toEqual([{ skills: ['VERIFIER'], workplaces: [s.plant] }]);
      await check(olga);
      // Edited: a driver too, no workplace any more, and paused, yet still on the list.
      await olga.getByRole('button', { name: w.edit('Rita Reyes') }).click();
      const editing = olga.locator('.responders section');
      expect(await editing.getByRole('button', { name: w.verifier }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await editing.getByRole('button', { name: w.driver }).click();
      await editing.getByRole('button', { name: `Acme Foods (${lang})` }).click();
      await editing.getByLabel(w.availableNow).uncheck();
      await check(olga);
      await editing.getByRole('button', { name: w.save, exact: true }).click();
      const card = olga.locator('.responders article');
      await card.getByText(w.notAvailable).waitFor();
      await card.getByText(`${w.verifier} · ${w.driver}`).waitFor();
      const { rows: edited } = await db.query(
        `select r.skills, r.available, count(rw.workplace_id)::int as workplaces from responder r
           left join responder_workplace rw on rw.responder_id = r.id where r.member_id = $1 group by r.id`,
        [s.rita],
      );
      expect(edited).toEqual([{ skills: ['VERIFIER', 'DRIVER'], available: false, workplaces: 0 }]);
      await check(olga);
      await olga.getByRole('button', { name: w.remove('Rita Reyes') }).click();
      await olga.getByText(w.noResponders).waitFor();
      const { rows: gone } = await db.query(`select 1 from responder where member_id = $1`, [s.rita]);
      expect(gone).toEqual([]);

      // The organizer reports too, from the desk, at a place typed in (a corner, no workplace).
      await olga.locator('nav.tabs').getByRole('link', { name: w.desk }).click();
      await olga.getByRole('link', { name: w.reportRaid }).click();
      await olga.getByRole('button', { name: w.checkpoint }).click();
      await olga.getByRole('button', { name: w.somewhereElse }).click();
      await olga.getByLabel(w.placeLabel).fill('Soto St and Cesar Chavez Ave');
      await check(olga);
      await olga.getByRole('button', { name: w.sendNow }).click();
      await olga.getByRole('status').filter({ hasText: w.sent }).waitFor();
      await olga.getByRole('link', { name: w.openOnDesk }).click();
      await olga.getByText('Soto St and Cesar Chavez Ave').waitFor();
      await olga.locator('dd.status').getByText(w.reported).waitFor();
      await check(olga);
      const { rows: corner } = await db.query(
        `select kind, workplace_id, location from incident where local_id = $1 and kind = 'CHECKPOINT' and erased_at is null`,
        [s.local],
      );
      expect(corner).toEqual([
        { kind: 'CHECKPOINT', workplace_id: null, location: 'Soto St and Cesar Chavez Ave' },
      ]);
      await signOutClean(olga, w);

      // 8. A board member opening the desk sees no incident's place or details.
      const board = await phone(rig.browser, w.locale);
      await signIn(board, rig.base, s.board.email, w, { tabs: true });
      const asked: string[] = [];
      board.on('request', (r) => {
        if (r.url().endsWith('/graphql') && /query Desk/.test(r.postData() ?? '')) asked.push(r.postData()!);
      });
      for (const path of ['/desk', `/desk/incidents/${incidentId}`]) {
        await board.goto(`${rig.base}${path}`);
        await board.getByText(w.noAccess).waitFor();
        await check(board);
        const body = await board.locator('body').innerText();
        expect(body).not.toMatch(/Two vans|Agents at Acme|Acme Foods|Soto St/);
      }
      // The desk does not even ask the API for incidents on a board member's behalf.
      expect(asked).toEqual([]);
      await signOutClean(board, w);
    }, 180_000);
  }
});
