import { Page } from 'playwright-core';
import { Role } from '@juntos/common';
import {
  grant,
  makeCommittee,
  makeCommitteeContact,
  makeCommitteeMembership,
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
  SHELL_WORDS,
  shot,
  signIn,
  signOutClean,
} from './browser';

const WORDS = {
  en: {
    ...SHELL_WORDS.en,
    committees: 'Committees',
    build: 'Build a committee',
    organizing: 'Organizing committee',
    name: 'Name',
    workplace: 'Workplace',
    buildButton: 'Build the committee',
    taken: 'The local already has a committee by this name. Choose another.',
    searchMember: 'Search for a member',
    captain: 'Captain',
    committeeMember: 'Committee member',
    unitCovered: 'Unit they cover',
    seat: (n: string) => `Seat ${n}`,
    seated: (n: string) => `${n} is seated.`,
    seats: (n: number) => `Seats: ${n}`,
    coverage: (p: number) => `Coverage: ${p}%`,
    of: (n: number, m: number) => `${n} of ${m} members`,
    ratio: (r: string) => `Ratio: ${r} members per committee member (aim: 10 or fewer)`,
    noOne: 'Ratio: no one seated yet',
    unit: 'Unit',
    assignTo: 'Assign to',
    assign: (n: number, who: string) => `Assign ${n} members to ${who}`,
    contactOf: (who: string) => `Contact of ${who}`,
    contacts: (n: number) => `Contacts: ${n}`,
    remove: (n: string) => `Remove ${n}`,
    yesRemove: 'Yes, remove the seat',
    archive: 'Archive the committee',
    yesArchive: 'Yes, archive it',
    archived: 'This committee is archived: kept as history, it takes no new members or contacts.',
  },
  es: {
    ...SHELL_WORDS.es,
    committees: 'Comités',
    build: 'Formar un comité',
    organizing: 'Comité organizador',
    name: 'Nombre',
    workplace: 'Centro de trabajo',
    buildButton: 'Formar el comité',
    taken: 'El local ya tiene un comité con este nombre. Elige otro.',
    searchMember: 'Busca un miembro',
    captain: 'Capitán/a',
    committeeMember: 'Miembro del comité',
    unitCovered: 'Área que cubre',
    seat: (n: string) => `Dar puesto a ${n}`,
    seated: (n: string) => `${n} ya tiene su puesto en el comité.`,
    seats: (n: number) => `Puestos: ${n}`,
    coverage: (p: number) => `Cobertura: ${p}%`,
    of: (n: number, m: number) => `${n} de ${m} miembros`,
    ratio: (r: string) => `Proporción: ${r} miembros por miembro del comité (meta: 10 o menos)`,
    noOne: 'Proporción: todavía nadie tiene puesto',
    unit: 'Área',
    assignTo: 'Asignar a',
    assign: (n: number, who: string) => `Asignar ${n} miembros a ${who}`,
    contactOf: (who: string) => `Contacto de ${who}`,
    contacts: (n: number) => `Contactos: ${n}`,
    remove: (n: string) => `Quitar a ${n}`,
    yesRemove: 'Sí, quitar el puesto',
    archive: 'Archivar el comité',
    yesArchive: 'Sí, archivarlo',
    archived:
      'Este comité está archivado: se guarda como historial y ya no acepta nuevos miembros ni contactos.',
  },
};

describeInBrowser('committees in the web app: building one, seats by unit, contacts and reach', () => {
  const rig = rigForFile();

  /** A hotel of six members in two units, an organizer, a steward of the hotel, and a workplace the steward does not see. */
  async function seed(lang: string) {
    const db = rig.t.db;
    const local = await makeLocal(db, `Local 11 (${lang})`);
    const site = await makeWorkplace(db, local, { name: 'Hotel Bonaventure', headcount: 6 });
    const elsewhere = await makeWorkplace(db, local, { name: 'Hotel Elsewhere' });
    const kitchen = await makeUnit(db, local, site, 'Kitchen');
    const housekeeping = await makeUnit(db, local, site, 'Housekeeping');
    const organizer = await makeUser(db, { displayName: 'Olga' });
    await grant(db, local, organizer.id, Role.ORGANIZER);
    const steward = await makeUser(db, { displayName: 'Rosa' });
    await grant(db, local, steward.id, Role.STEWARD, [site]);
    const member = (firstName: string, lastName: string, unitId: string) =>
      makeMember(db, local, { workplaceId: site, unitId, firstName, lastName });
    const ana = await member('Ana', 'López', kitchen);
    const jose = await member('José', 'Núñez', housekeeping);
    const bea = await member('Bea', 'Ramos', kitchen);
    const carla = await member('Carla', 'Díaz', kitchen);
    const dora = await member('Dora', 'Vega', housekeeping);
    const eva = await member('Eva', 'Soto', housekeeping);
    await makeMember(db, local, { workplaceId: elsewhere, firstName: 'Zoila', lastName: 'Oculta' });
    return { db, local, site, elsewhere, kitchen, organizer, steward, ana, jose, bea, carla, dora, eva };
  }

  /** Every screen, at a phone's width and a laptop's, and nobody from the workplace out of reach. */
  const screen = (page: Page) => checkScreen(page, { sizes: [PHONE, LAPTOP], absent: /Zoila|Oculta/ });

  const cases = [
    { lang: 'es', viewport: PHONE, name: 'in Spanish on a phone' },
    { lang: 'en', viewport: LAPTOP, name: 'in English on a laptop' },
  ] as const;

  for (const c of cases) {
    it(`an organizer builds a committee, seats two members, assigns contacts and sees the coverage change, ${c.name}`, async () => {
      const w = WORDS[c.lang];
      const s = await seed(c.lang);
      await makeCommittee(s.db, s.local, { name: 'Taken name', workplaceId: s.elsewhere });
      const page = await phone(rig.browser, w.locale);
      await page.setViewportSize(c.viewport);
      await signIn(page, rig.base, s.organizer.email, w, { heading: w.today });

      await page.goto(`${rig.base}/committees`);
      await page.getByRole('heading', { name: w.committees, level: 1 }).waitFor();
      await page.getByText('Taken name').waitFor();
      await screen(page);

      // Build one: a name the local already uses is refused next to the field, and kept.
      await page.getByRole('link', { name: w.build }).click();
      await page.getByRole('button', { name: w.organizing }).click();
      await page.getByLabel(w.name).fill('Taken name');
      await page.getByLabel(w.workplace).selectOption({ label: 'Hotel Bonaventure' });
      await page.getByRole('button', { name: w.buildButton }).click();
      await page.getByRole('alert').filter({ hasText: w.taken }).waitFor();
      await screen(page);
      await page.getByLabel(w.name).fill('Bonaventure organizing committee');
      await page.getByRole('button', { name: w.buildButton }).click();
      await page.getByRole('heading', { name: 'Bonaventure organizing committee' }).waitFor();
      const { rows: built } = await s.db.query(
        `select id, kind, workplace_id from committee where local_id = $1 and name = $2`,
        [s.local, 'Bonaventure organizing committee'],
      );
      expect(built).toEqual([
        expect.objectContaining({ kind: 'ORGANIZING_COMMITTEE', workplace_id: s.site }),
      ]);
      const committee = built[0].id as string;
      await page.getByText(w.coverage(0)).waitFor();
      await page.getByText(w.noOne).waitFor();
      await screen(page);

      // Seat Ana as the kitchen's captain: found by name, her unit shown and taken as the one she covers.
      await page.getByLabel(w.searchMember).fill('ana');
      await page
        .locator('.choices')
        .getByRole('button', { name: /Ana López.*Kitchen/ })
        .click();
      await page.getByRole('button', { name: w.captain }).click();
      await expectSelected(page, w.unitCovered, 'Kitchen');
      await screen(page);
      await page.getByRole('button', { name: w.seat('Ana López') }).click();
      await page
        .getByRole('status')
        .filter({ hasText: w.seated('Ana López') })
        .waitFor();
      // José, a committee member for housekeeping.
      await page.getByLabel(w.searchMember).fill('jose');
      await page
        .locator('.choices')
        .getByRole('button', { name: /José Núñez/ })
        .click();
      await page.getByRole('button', { name: w.committeeMember }).click();
      await expectSelected(page, w.unitCovered, 'Housekeeping');
      await page.getByRole('button', { name: w.seat('José Núñez') }).click();
      await page
        .getByRole('status')
        .filter({ hasText: w.seated('José Núñez') })
        .waitFor();
      await page.getByText(w.seats(2)).waitFor();
      // Seats, grouped by unit: six members, two seats, nobody covered yet.
      await page
        .locator('.unit-group')
        .filter({ hasText: 'Kitchen' })
        .getByText('Ana López', { exact: true })
        .waitFor();
      await page
        .locator('.unit-group')
        .filter({ hasText: 'Housekeeping' })
        .getByText('José Núñez', { exact: true })
        .waitFor();
      await page.getByText(w.ratio('3')).waitFor();
      const { rows: seats } = await s.db.query(
        `select member_id, role, unit_id from committee_membership where committee_id = $1 order by role`,
        [committee],
      );
      expect(seats).toEqual(
        expect.arrayContaining([
          { member_id: s.ana, role: 'CAPTAIN', unit_id: s.kitchen },
          expect.objectContaining({ member_id: s.jose, role: 'MEMBER' }),
        ]),
      );

      // Assign contacts by selection: the kitchen's unseated members, ticked, then "Assign to Ana".
      await page.getByLabel(w.unit, { exact: true }).selectOption({ label: 'Kitchen' });
      const candidates = page.locator('.candidates');
      await candidates.getByRole('checkbox', { name: /Bea Ramos/ }).waitFor();
      // Ana has a seat: she is not among the members to assign.
      expect(await candidates.getByText('Ana López').count()).toBe(0);
      await candidates.getByRole('checkbox', { name: /Bea Ramos/ }).check();
      await candidates.getByRole('checkbox', { name: /Carla Díaz/ }).check();
      await page.getByLabel(w.assignTo).selectOption({ label: 'Ana López · Kitchen' });
      await screen(page);
      await page.getByRole('button', { name: w.assign(2, 'Ana López') }).click();
      await page.getByText(w.coverage(33)).waitFor();
      await page.getByText(w.of(2, 6)).waitFor();
      await candidates.getByText(w.contactOf('Ana López')).first().waitFor();
      await page.locator('.seat').filter({ hasText: 'Ana López' }).getByText(w.contacts(2)).waitFor();
      const contacts = async () =>
        (
          await s.db.query(
            `select k.member_id, m.member_id as seat from committee_contact k join committee_membership m on m.id = k.membership_id where k.committee_id = $1`,
            [committee],
          )
        ).rows;
      expect(await contacts()).toEqual(
        expect.arrayContaining([
          { member_id: s.bea, seat: s.ana },
          { member_id: s.carla, seat: s.ana },
        ]),
      );
      // Housekeeping's members to José: coverage rises to 4 of 6.
      await page.getByLabel(w.unit, { exact: true }).selectOption({ label: 'Housekeeping' });
      await candidates.getByRole('checkbox', { name: /Dora Vega/ }).check();
      await candidates.getByRole('checkbox', { name: /Eva Soto/ }).check();
      await page.getByLabel(w.assignTo).selectOption({ label: 'José Núñez · Housekeeping' });
      await page.getByRole('button', { name: w.assign(2, 'José Núñez') }).click();
      await page.getByText(w.coverage(67)).waitFor();
      expect(await contacts()).toHaveLength(4);
      await screen(page);
      if (c.lang === 'es') await shot(page, 'committee', { top: true });

      // The list shows the committee's seats and coverage.
      await page.goto(`${rig.base}/committees`);
      const card = page.locator('.card').filter({ hasText: 'Bonaventure organizing committee' });
      await card.getByText(w.seats(2)).waitFor();
      await card.getByText(w.coverage(67)).waitFor();

      // Remove José's seat, after a confirmation: his contacts are freed.
      await card.getByRole('link').click();
      await page.getByRole('button', { name: w.remove('José Núñez') }).click();
      await page.getByRole('button', { name: w.yesRemove }).click();
      await page.getByText(w.seats(1)).waitFor();
      await page.getByText(w.coverage(33)).waitFor();
      expect(await contacts()).toHaveLength(2);

      // Archive, after a confirmation: kept as history, no more work offered on it.
      await page.getByRole('button', { name: w.archive }).click();
      await screen(page);
      await page.getByRole('button', { name: w.yesArchive }).click();
      await page.getByText(w.archived).waitFor();
      expect(
        (await s.db.query(`select archived_at from committee where id = $1`, [committee])).rows[0]
          .archived_at,
      ).not.toBeNull();
      expect(await page.getByLabel(w.searchMember).count()).toBe(0);
      await screen(page);

      await signOutClean(page, w, rig.base);
    }, 180_000);
  }

  for (const c of cases) {
    it(`a steward opens committees and sees their workplace's, without the organizer's buttons, ${c.name}`, async () => {
      const w = WORDS[c.lang];
      const s = await seed(`${c.lang}-steward`);
      const mine = await makeCommittee(s.db, s.local, { name: 'Kitchen committee', workplaceId: s.site });
      await makeCommittee(s.db, s.local, { name: 'Hidden committee', workplaceId: s.elsewhere });
      const seat = await makeCommitteeMembership(s.db, s.local, mine, s.ana, { unitId: s.kitchen });
      await makeCommitteeContact(s.db, s.local, seat, s.bea);
      const page = await phone(rig.browser, w.locale);
      await page.setViewportSize(c.viewport);
      await signIn(page, rig.base, s.steward.email, w, { heading: w.today });
      await page.goto(`${rig.base}/committees`);
      await page.getByText('Kitchen committee').waitFor();
      await screen(page);
      expect(await page.getByText('Hidden committee').count()).toBe(0);
      expect(await page.getByRole('link', { name: w.build }).count()).toBe(0);
      await page.getByText('Kitchen committee').click();
      await page.getByRole('heading', { name: 'Kitchen committee' }).waitFor();
      await page.locator('.seat').filter({ hasText: 'Ana López' }).getByText(w.contacts(1)).waitFor();
      await page.getByText(w.coverage(17)).waitFor();
      await screen(page);
      expect(await page.getByRole('button', { name: w.remove('Ana López') }).count()).toBe(0);
      expect(await page.getByRole('button', { name: w.archive }).count()).toBe(0);
      expect(await page.getByLabel(w.searchMember).count()).toBe(0);
      expect(await page.locator('.candidates').count()).toBe(0);
      await signOutClean(page, w, rig.base);
    }, 120_000);
  }
});

async function expectSelected(page: Page, label: string, option: string) {
  const select = page.getByLabel(label);
  const until = Date.now() + 5000;
  let text = '';
  while (Date.now() < until) {
    text = (await select.locator('option:checked').textContent()) ?? '';
    if (text === option) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(text).toBe(option);
}
