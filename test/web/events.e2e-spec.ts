import { Page } from 'playwright-core';
import { Role } from '@juntos/common';
import {
  grant,
  makeEvent,
  makeLocal,
  makeMember,
  makeUnit,
  makeUser,
  makeWorkplace,
} from '@juntos/test-support';
import {
  checkScreen,
  describeInBrowser,
  LAPTOP,
  PHONE,
  phone,
  rigForFile,
  settled,
  SHELL_WORDS,
  shot,
  signIn,
  signOutClean,
} from './browser';

/** The words the test reads on screen, in each language, as a user sees them. */
const WORDS = {
  en: {
    ...SHELL_WORDS.en,
    events: 'Events',
    upcoming: 'Upcoming',
    schedule: 'Schedule an event',
    title: 'Title',
    kyr: 'Know-your-rights training',
    starts: 'Starts',
    ends: 'Ends (optional)',
    place: 'Place',
    forWhom: 'Who is it for?',
    capacity: 'Capacity (optional)',
    scheduleButton: 'Schedule',
    scheduled: (t: string) => `Scheduled: ${t}`,
    confirmed: (n: number, of?: number) => (of ? `${n} of ${of} confirmed` : `${n} confirmed`),
    tally: (n: number, of: number) => `${n} of ${of}`,
    searchMember: 'Search for a member',
    confirmedAnswer: 'Confirmed',
    saveAnswer: 'Save the answer',
    answered: 'Ana López: Confirmed',
    edit: 'Edit',
    save: 'Save',
    endBeforeStart: 'The end must come after the start.',
    saved: 'Saved',
    takeAttendance: 'Take attendance',
    present: (n: number) => `Present: ${n}`,
    undo: 'Undo: Bea Ramos',
    markedPresent: '✓ Present',
    attended: 'Attended',
    cancel: 'Cancel the event',
    yesCancel: 'Yes, cancel the event',
    cancelledNotice: 'This event is cancelled: it takes no new answers or attendance.',
    cancelled: 'Cancelled',
  },
  es: {
    ...SHELL_WORDS.es,
    events: 'Eventos',
    upcoming: 'Próximos',
    schedule: 'Programar un evento',
    title: 'Título',
    kyr: 'Taller “Conoce tus derechos”',
    starts: 'Empieza',
    ends: 'Termina (opcional)',
    place: 'Lugar',
    forWhom: '¿Para quién es?',
    capacity: 'Cupo (opcional)',
    scheduleButton: 'Programar',
    scheduled: (t: string) => `Se programó: ${t}`,
    confirmed: (n: number, of?: number) =>
      of ? `${n} de ${of} confirmaron asistencia` : `${n} confirmaron asistencia`,
    tally: (n: number, of: number) => `${n} de ${of}`,
    searchMember: 'Busca un miembro',
    confirmedAnswer: 'Confirmó asistencia',
    saveAnswer: 'Guardar la respuesta',
    answered: 'Ana López: Confirmó asistencia',
    edit: 'Editar',
    save: 'Guardar',
    endBeforeStart: 'El final debe ser después del inicio.',
    saved: 'Se guardó',
    takeAttendance: 'Tomar asistencia',
    present: (n: number) => `Presentes: ${n}`,
    undo: 'Deshacer: Bea Ramos',
    markedPresent: '✓ Presente',
    attended: 'Asistió',
    cancel: 'Cancelar el evento',
    yesCancel: 'Sí, cancelar el evento',
    cancelledNotice: 'Este evento está cancelado: ya no acepta respuestas ni asistencia.',
    cancelled: 'Cancelado',
  },
};
type Words = (typeof WORDS)['en'];

describeInBrowser('events in the web app: scheduling, answers and attendance at the door', () => {
  const rig = rigForFile();

  /** A local with a hotel, its members, an organizer, a steward of the hotel, and a training that began an hour ago. */
  async function seed(lang: string) {
    const db = rig.t.db;
    const local = await makeLocal(db, `Local 11 (${lang})`);
    const site = await makeWorkplace(db, local, { name: 'Hotel Bonaventure', headcount: 6 });
    const kitchen = await makeUnit(db, local, site, 'Kitchen');
    const organizer = await makeUser(db, { displayName: 'Olga' });
    await grant(db, local, organizer.id, Role.ORGANIZER);
    const steward = await makeUser(db, { displayName: 'Rosa' });
    await grant(db, local, steward.id, Role.STEWARD, [site]);
    const ana = await makeMember(db, local, {
      workplaceId: site,
      unitId: kitchen,
      firstName: 'Ana',
      lastName: 'López',
    });
    const jose = await makeMember(db, local, { workplaceId: site, firstName: 'José', lastName: 'Núñez' });
    const bea = await makeMember(db, local, {
      workplaceId: site,
      unitId: kitchen,
      firstName: 'Bea',
      lastName: 'Ramos',
    });
    const training = await makeEvent(db, local, {
      workplaceId: site,
      kind: 'KYR_TRAINING',
      title: 'Red card training',
      startsAt: new Date(Date.now() - 3_600_000),
    });
    return { local, site, organizer, steward, ana, jose, bea, training };
  }

  /** Every screen, at a phone's width and a laptop's. */
  const screen = (page: Page) => checkScreen(page, { sizes: [PHONE, LAPTOP] });

  const cases = [
    { lang: 'es', viewport: PHONE, name: 'in Spanish on a phone' },
    { lang: 'en', viewport: LAPTOP, name: 'in English on a laptop' },
  ] as const;

  for (const c of cases) {
    it(`an organizer schedules a training, records an answer, takes attendance at the door and cancels, ${c.name}`, async () => {
      const w = WORDS[c.lang];
      const s = await seed(c.lang);
      const db = rig.t.db;
      const page = await phone(rig.browser, w.locale);
      await page.setViewportSize(c.viewport);
      await signIn(page, rig.base, s.organizer.email, w, { heading: w.today });

      // The list: the training under way is upcoming (its door is open), with its kind and counts.
      await page.goto(`${rig.base}/events`);
      await page.getByRole('heading', { name: w.events, level: 1 }).waitFor();
      const upcoming = page.locator('section').filter({ has: page.locator('#upcoming') });
      await upcoming.getByText('Red card training').waitFor();
      await upcoming.getByText(w.kyr).first().waitFor();
      await screen(page);

      // Schedule a training at the hotel, with a capacity.
      await page.getByRole('link', { name: w.schedule }).click();
      await page.getByLabel(w.title).fill('Know your rights at the Bonaventure');
      await page.getByRole('button', { name: w.kyr }).click();
      await page.getByLabel(w.place).fill('Union hall, room 2');
      await page.getByLabel(w.forWhom).selectOption({ label: 'Hotel Bonaventure' });
      await page.getByLabel(w.capacity).fill('20');
      await screen(page);
      await page.getByRole('button', { name: w.scheduleButton, exact: true }).click();
      await page.getByRole('heading', { name: 'Know your rights at the Bonaventure' }).waitFor();
      await page.getByText(w.scheduled('Know your rights at the Bonaventure')).waitFor();
      const { rows: created } = await db.query(
        `select id, kind, workplace_id, capacity, location, status from event where local_id = $1 and title = $2`,
        [s.local, 'Know your rights at the Bonaventure'],
      );
      expect(created).toEqual([
        expect.objectContaining({
          kind: 'KYR_TRAINING',
          workplace_id: s.site,
          capacity: 20,
          location: 'Union hall, room 2',
          status: 'SCHEDULED',
        }),
      ]);
      const eventId = created[0].id as string;
      await screen(page);

      // An answer taken by phone: the member found by name, the count rises.
      await page.getByLabel(w.searchMember).fill('ana');
      await page
        .locator('.choices')
        .getByRole('button', { name: /Ana López/ })
        .click();
      await page.getByRole('button', { name: w.confirmedAnswer, exact: true }).click();
      await page.getByRole('button', { name: w.saveAnswer }).click();
      await page.getByRole('status').filter({ hasText: w.answered }).waitFor();
      await page.locator('.tally').getByText(w.tally(1, 20)).waitFor();
      await page.locator('.answers').getByText('Ana López').waitFor();
      const { rows: answers } = await db.query(
        `select member_id, rsvp, attended from attendance where event_id = $1`,
        [eventId],
      );
      expect(answers).toEqual([{ member_id: s.ana, rsvp: 'ACCEPTED', attended: null }]);

      // Listed, with its count of answers against the capacity.
      await page.goto(`${rig.base}/events`);
      await upcoming
        .getByRole('link', { name: /Know your rights at the Bonaventure/ })
        .getByText(w.confirmed(1, 20))
        .waitFor();

      // Edit: an end before the start is refused next to the field, and nothing typed is lost.
      await upcoming.getByRole('link', { name: /Know your rights at the Bonaventure/ }).click();
      await page.getByRole('link', { name: w.edit }).click();
      await page.getByLabel(w.capacity).fill('30');
      const start = await page.getByLabel(w.starts).inputValue();
      await page.getByLabel(w.ends).fill(start.replace(/T\d\d:/, 'T01:'));
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await page.getByRole('alert').filter({ hasText: w.endBeforeStart }).waitFor();
      expect(await page.getByLabel(w.capacity).inputValue()).toBe('30');
      await screen(page);
      await page.getByLabel(w.ends).fill('');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await page.locator('.tally').getByText(w.tally(1, 30)).waitFor();
      expect((await db.query(`select capacity from event where id = $1`, [eventId])).rows[0].capacity).toBe(
        30,
      );

      // At the door of the training under way: search (accents don't matter) and tap.
      await page.goto(`${rig.base}/events/${s.training}`);
      await page.getByRole('link', { name: w.takeAttendance }).click();
      await page.getByText(w.present(0)).waitFor();
      await screen(page);
      const search = page.getByLabel(w.searchMember);
      await search.fill('jose nunez');
      await page
        .locator('.choices')
        .getByRole('button', { name: /José Núñez/ })
        .click();
      await page.getByText(w.present(1)).waitFor();
      // The box is empty again, ready for the next person in line.
      expect(await search.inputValue()).toBe('');
      await search.fill('bea');
      await page
        .locator('.choices')
        .getByRole('button', { name: /Bea Ramos/ })
        .click();
      await page.getByText(w.present(2)).waitFor();
      await screen(page);
      if (c.lang === 'es') await shot(page, 'event-door');
      // A wrong tap is undone in one more, and marked again.
      await page.getByRole('button', { name: w.undo }).click();
      await page.getByText(w.present(1)).waitFor();
      expect(
        (
          await db.query(`select attended from attendance where event_id = $1 and member_id = $2`, [
            s.training,
            s.bea,
          ])
        ).rows[0].attended,
      ).toBe(false);
      await search.fill('BEA');
      await page
        .locator('.choices')
        .getByRole('button', { name: /Bea Ramos/ })
        .click();
      await page.getByText(w.present(2)).waitFor();
      // Someone already marked reads as present.
      await search.fill('josé');
      await page
        .locator('.choices')
        .getByRole('button', { name: /José Núñez/ })
        .getByText(w.markedPresent)
        .waitFor();
      const { rows: door } = await db.query(
        `select member_id, attended from attendance where event_id = $1 order by member_id`,
        [s.training],
      );
      expect(door).toEqual(
        [
          { member_id: s.jose, attended: true },
          { member_id: s.bea, attended: true },
        ].sort((a, b) => a.member_id.localeCompare(b.member_id)),
      );
      // The event's page shows who came.
      await page.goto(`${rig.base}/events/${s.training}`);
      await page.locator('.tally').getByText('2', { exact: true }).waitFor();
      await hasAttended(page, w, 'José Núñez');
      await hasAttended(page, w, 'Bea Ramos');
      await screen(page);

      // Cancel the new training, after a confirmation.
      await page.goto(`${rig.base}/events/${eventId}`);
      await page.getByRole('button', { name: w.cancel }).click();
      await screen(page);
      await page.getByRole('button', { name: w.yesCancel }).click();
      await page.getByText(w.cancelledNotice).waitFor();
      expect((await db.query(`select status from event where id = $1`, [eventId])).rows[0].status).toBe(
        'CANCELLED',
      );
      await page.goto(`${rig.base}/events`);
      await upcoming
        .getByRole('link', { name: /Know your rights at the Bonaventure/ })
        .getByText(w.cancelled)
        .waitFor();

      await signOutClean(page, w, rig.base);
    }, 180_000);
  }

  async function hasAttended(page: Page, w: Words, name: string) {
    await page
      .locator('.answers li')
      .filter({ hasText: name })
      .getByText(w.attended, { exact: true })
      .waitFor();
  }

  for (const c of cases) {
    it(`a steward opens events and gets what the API allows, without the organizer's buttons, ${c.name}`, async () => {
      const w = WORDS[c.lang];
      const s = await seed(`${c.lang}-steward`);
      const page = await phone(rig.browser, w.locale);
      await page.setViewportSize(c.viewport);
      await signIn(page, rig.base, s.steward.email, w, { heading: w.today });
      await page.goto(`${rig.base}/events`);
      await page.getByText('Red card training').waitFor();
      await screen(page);
      expect(await page.getByRole('link', { name: w.schedule }).count()).toBe(0);
      await page.getByText('Red card training').click();
      await page.getByRole('heading', { name: 'Red card training' }).waitFor();
      await settled(page);
      expect(await page.getByRole('link', { name: w.edit }).count()).toBe(0);
      expect(await page.getByRole('button', { name: w.cancel }).count()).toBe(0);
      await screen(page);
      // Stewards take attendance for their workplaces' members: the API allows it.
      await page.getByRole('link', { name: w.takeAttendance }).click();
      await page.getByLabel(w.searchMember).fill('ana');
      await page
        .locator('.choices')
        .getByRole('button', { name: /Ana López/ })
        .click();
      await page.getByText(w.present(1)).waitFor();
      expect(
        (
          await rig.t.db.query(`select attended from attendance where event_id = $1 and member_id = $2`, [
            s.training,
            s.ana,
          ])
        ).rows[0].attended,
      ).toBe(true);
      await signOutClean(page, w, rig.base);
    }, 120_000);
  }
});
