import { Page } from 'playwright-core';
import { Role } from '@juntos/common';
import {
  grant,
  makeAttendance,
  makeCommittee,
  makeCommitteeContact,
  makeCommitteeMembership,
  makeEvent,
  makeLocal,
  makeMember,
  makePetition,
  makeSignature,
  makeUnit,
  makeUser,
  makeWorkplace,
} from '@juntos/test-support';
import {
  checkScreen,
  describeInBrowser,
  hasCount,
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
    workplacesTab: 'Workplaces',
    workplaces: 'Workplaces',
    newWorkplace: 'New workplace',
    name: 'Name',
    worksite: 'Worksite',
    building: 'Building',
    employer: 'Employer',
    landlord: 'Landlord',
    address: 'Address',
    workers: 'Number of workers',
    homes: 'Number of homes',
    newUnit: 'New unit',
    addUnit: 'Add unit',
    unit: (n: number) => `Unit ${n}`,
    remove: (u: string) => `Remove ${u}`,
    saveWorkplace: 'Save workplace',
    saved: 'Workplace saved.',
    editWorkplace: 'Edit workplace',
    backToWorkplaces: '← Workplaces',
    unitsRefused: 'a unit that still has members cannot be removed or renamed',
    noMembersYet: 'No members here yet.',
    membersOf: (m: number, of: number) => `${m} of ${of} members`,
    majority: (m: number, of: number) => `Majority: ${m} of ${of}`,
    short: (now: number, short: number) => `At 1–2 now: ${now}. ${short} more needed for a majority.`,
    archiveThis: 'Archive this workplace',
    archiveAsk: (name: string) => `Archive ${name}? It leaves the list of workplaces.`,
    yesArchive: 'Yes, archive it',
    archived: (name: string) => `${name} is archived.`,
    showArchived: 'Show archived workplaces',
    archivedBadge: 'Archived',
    noUnit: 'No unit',
    signedOf: 'Signatures of the petition',
    none: 'No petition',
    signedHere: (n: number) => `${n} members here signed: marked ✓.`,
    notContacted: 'Not contacted in',
    sevenDays: '7 days',
    anyTime: 'Any time',
    untrained: 'Not trained: no know-your-rights training in the last year',
    uncovered: 'No committee contact',
    showing: (n: number, of: number) => `Showing ${n} of ${of} members`,
    members: (n: number) => `${n} members`,
    signed: 'signed',
    leader: '1 · Leader',
    petitions: 'Petitions',
    newPetition: 'New petition',
    title: 'Title',
    demand: 'Demand',
    target: 'Addressed to',
    workplace: 'Workplace',
    wholeLocal: 'The whole local',
    goal: 'Goal: signatures needed',
    goalHint: (m: number, of: number) => `Leave it empty for a majority of the headcount: ${m} of ${of}.`,
    deadline: 'Deadline (optional)',
    saveDraft: 'Save as a draft',
    needsGoal: 'A petition of the whole local needs a goal of at least 1.',
    draftSaved: 'Petition saved as a draft. Open it to collect signatures.',
    status: (s: string) => `Status: ${s}`,
    draft: 'Draft',
    open: 'Collecting signatures',
    delivered: 'Delivered',
    won: 'Won',
    openIt: 'Open for signatures',
    openAsk: 'Open this petition? Stewards can then collect signatures for it.',
    deliverIt: 'Mark as delivered',
    deliverAsk: 'Mark this petition as delivered to its target?',
    winIt: 'Mark as won',
    winAsk: 'Mark this petition as won?',
    closeIt: 'Close without a result',
    yes: (move: string) => `Yes: ${move}`,
    progress: (n: number, of: number) => `${n} of ${of} signatures`,
    byUnit: 'By unit',
    unitBehind: (s: number, m: number, maj: number) => `${s} of ${m} signed; a majority is ${maj}`,
    unitMajority: (s: number, m: number, maj: number) => `${s} of ${m} signed, a majority (${maj})`,
    statusFilter: 'Status',
    searchMember: 'Search for a member',
    onPaper: 'On paper',
    addSignature: 'Add signature',
    anaSigned: 'Ana López signed.',
    count: (n: number) => (n === 1 ? '1 petition' : `${n} petitions`),
    noPetitions: 'No petitions here.',
  },
  es: {
    ...SHELL_WORDS.es,
    workplacesTab: 'Centros de trabajo',
    workplaces: 'Centros de trabajo',
    newWorkplace: 'Nuevo centro de trabajo',
    name: 'Nombre',
    worksite: 'Centro de trabajo',
    building: 'Edificio',
    employer: 'Empleador',
    landlord: 'Dueño/a del edificio',
    address: 'Dirección',
    workers: 'Número de trabajadores',
    homes: 'Número de viviendas',
    newUnit: 'Nueva área',
    addUnit: 'Agregar área',
    unit: (n: number) => `Área ${n}`,
    remove: (u: string) => `Quitar ${u}`,
    saveWorkplace: 'Guardar centro de trabajo',
    saved: 'Se guardó el centro de trabajo.',
    editWorkplace: 'Editar centro de trabajo',
    backToWorkplaces: '← Centros de trabajo',
    unitsRefused: 'un área que todavía tiene miembros no se puede quitar ni cambiar de nombre',
    noMembersYet: 'Todavía no hay miembros aquí.',
    membersOf: (m: number, of: number) => `${m} de ${of} miembros`,
    majority: (m: number, of: number) => `Mayoría: ${m} de ${of}`,
    short: (now: number, short: number) => `En 1–2 ahora: ${now}. Faltan ${short} para la mayoría.`,
    archiveThis: 'Archivar este centro de trabajo',
    archiveAsk: (name: string) => `¿Archivar ${name}? Sale de la lista de centros de trabajo.`,
    yesArchive: 'Sí, archivarlo',
    archived: (name: string) => `${name} está archivado.`,
    showArchived: 'Mostrar centros de trabajo archivados',
    archivedBadge: 'Archivado',
    noUnit: 'Sin área',
    signedOf: 'Firmas de la petición',
    none: 'Ninguna petición',
    signedHere: (n: number) => `${n} miembros de aquí firmaron: marcados con ✓.`,
    notContacted: 'Sin contacto en',
    sevenDays: '7 días',
    anyTime: 'Cualquier fecha',
    untrained: 'Sin taller: no fue al taller "Conoce tus derechos" en el último año',
    uncovered: 'Sin contacto del comité',
    showing: (n: number, of: number) => `Se muestran ${n} de ${of} miembros`,
    members: (n: number) => `${n} miembros`,
    signed: 'firmó',
    leader: '1 · Líder',
    petitions: 'Peticiones',
    newPetition: 'Nueva petición',
    title: 'Título',
    demand: 'Demanda',
    target: 'Dirigida a',
    workplace: 'Centro de trabajo',
    wholeLocal: 'Todo el local',
    goal: 'Meta: firmas necesarias',
    goalHint: (m: number, of: number) => `Déjala vacía para la mayoría de los trabajadores: ${m} de ${of}.`,
    deadline: 'Fecha límite (opcional)',
    saveDraft: 'Guardar como borrador',
    needsGoal: 'Una petición de todo el local necesita una meta de al menos 1.',
    draftSaved: 'La petición se guardó como borrador. Ábrela para recoger firmas.',
    status: (s: string) => `Estado: ${s}`,
    draft: 'Borrador',
    open: 'Recogiendo firmas',
    delivered: 'Entregada',
    won: 'Ganada',
    openIt: 'Abrir para recoger firmas',
    openAsk: '¿Abrir esta petición? Los delegados podrán recoger firmas.',
    deliverIt: 'Marcar como entregada',
    deliverAsk: '¿Marcar esta petición como entregada a quien va dirigida?',
    winIt: 'Marcar como ganada',
    winAsk: '¿Marcar esta petición como ganada?',
    closeIt: 'Cerrar sin resultado',
    yes: (move: string) => `Sí: ${move}`,
    progress: (n: number, of: number) => `${n} de ${of} firmas`,
    byUnit: 'Por área',
    unitBehind: (s: number, m: number, maj: number) => `${s} de ${m} firmaron; la mayoría es ${maj}`,
    unitMajority: (s: number, m: number, maj: number) => `${s} de ${m} firmaron: mayoría (${maj})`,
    statusFilter: 'Estado',
    searchMember: 'Busca un miembro',
    onPaper: 'En papel',
    addSignature: 'Agregar firma',
    anaSigned: 'Ana López firmó.',
    count: (n: number) => (n === 1 ? '1 petición' : `${n} peticiones`),
    noPetitions: 'No hay peticiones aquí.',
  },
};
type Lang = keyof typeof WORDS;
type Words = (typeof WORDS)['en'];

/** Every screen in both languages, at a phone's size and a laptop's. */
/**
 * Each language once, one on a phone and one on a laptop; every screen is also checked at the
 * other size (checkScreen's sizes), so both languages are seen at both sizes.
 */
const RUNS: { lang: Lang; laptop: boolean }[] = [
  { lang: 'es', laptop: false },
  { lang: 'en', laptop: true },
];
const named = (r: { lang: Lang; laptop: boolean }) =>
  `${r.lang === 'es' ? 'Spanish' : 'English'} on a ${r.laptop ? 'laptop' : 'phone'}`;
const DAY = 86_400_000;

describeInBrowser("the organizer's workplaces, wall chart and petitions", () => {
  const rig = rigForFile();

  /** A user with one role in a local (so no local to choose after signing in). */
  async function person(local: string, role: Role, workplaceIds: string[] = []) {
    const user = await makeUser(rig.t.db, { displayName: role === Role.STEWARD ? 'Rosa' : 'Marta' });
    await grant(rig.t.db, local, user.id, role, workplaceIds);
    return user;
  }

  async function open(lang: Lang, laptop: boolean): Promise<Page> {
    const page = await phone(rig.browser, WORDS[lang].locale);
    if (laptop) await page.setViewportSize(LAPTOP);
    return page;
  }

  /** Every screen visited: the checks every screen passes, on a signed-in screen (its quick exit there). */
  const screen = (page: Page, w: Words) =>
    checkScreen(page, { quickExit: w.quickExit, sizes: [PHONE, LAPTOP] });

  const tab = (page: Page, name: string) => page.locator('nav.tabs').getByRole('link', { name, exact: true });
  const row = (page: Page, unit: string) =>
    page.locator('.wp-row').filter({ has: page.getByRole('heading', { name: new RegExp(`^${unit} `) }) });
  /** The little of the DOM this file reaches into (it is type-checked for Node). */
  interface HTMLElementLike {
    querySelector(selector: string): { textContent: string | null } | null;
  }

  /** A row's cells as "name level" (the mark ✓ included), in order. */
  const cells = async (page: Page, unit: string) =>
    (
      await row(page, unit)
        .locator('a.wp-cell')
        .evaluateAll((as) =>
          as.map(
            (a) =>
              `${(a as HTMLElementLike).querySelector('.wp-name')?.textContent} ${(a as HTMLElementLike).querySelector('.wp-level')?.textContent}`,
          ),
        )
    ).map((s) => s.trim());

  for (const run of RUNS) {
    it(`creates, lists, edits and archives a workplace in ${named(run)}`, async () => {
      const w = WORDS[run.lang];
      const db = rig.t.db;
      const tag = `${run.lang}${run.laptop ? 'L' : 'P'}`;
      const local = await makeLocal(db, `Local 11 (${tag})`);
      const organizer = await person(local, Role.ORGANIZER);
      const page = await open(run.lang, run.laptop);
      await signIn(page, rig.base, organizer.email, w, { heading: w.today });

      // The list, empty, with the button for a new one.
      await tab(page, w.workplacesTab).click();
      await page.getByRole('heading', { name: w.workplaces, level: 1 }).waitFor();
      await screen(page, w);
      await page.getByRole('link', { name: w.newWorkplace }).click();

      // A worksite with an employer, an address, a headcount and three units.
      const name = `Hotel Cecil ${tag}`;
      await page.getByLabel(w.name, { exact: true }).fill(name);
      await page.getByRole('button', { name: w.building, exact: true }).click();
      await page.getByLabel(w.landlord).waitFor();
      await page.getByRole('button', { name: w.worksite, exact: true }).click();
      await page.getByLabel(w.employer).fill('Cecil Hotels LLC');
      await page.getByLabel(w.address).fill('640 S Main St, Los Angeles');
      await page.getByLabel(w.workers).fill('40');
      for (const unit of ['Kitchen', 'Night shift', 'Lobby']) {
        await page.getByLabel(w.newUnit).fill(unit);
        await page.getByRole('button', { name: w.addUnit }).click();
      }
      await page.getByRole('button', { name: w.remove('Lobby') }).waitFor();
      await screen(page, w);
      // A lost connection says so, and keeps what was typed.
      await page.context().setOffline(true);
      await page.getByRole('button', { name: w.saveWorkplace }).click();
      await page.getByRole('alert').filter({ hasText: w.offline }).waitFor();
      expect(await page.getByLabel(w.name, { exact: true }).inputValue()).toBe(name);
      expect(await page.getByLabel(w.unit(3)).inputValue()).toBe('Lobby');
      await page.context().setOffline(false);
      await page.getByRole('button', { name: w.saveWorkplace }).click();

      // Its wall chart: the majority of 40, and the units, empty for now.
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: w.saved }).waitFor();
      await page.getByRole('heading', { name: w.majority(21, 40) }).waitFor();
      await hasCount(page.getByText(w.noMembersYet), 3);
      const { rows } = await db.query(
        `select w.id, w.kind, w.employer, w.headcount, array(select name from unit u where u.workplace_id = w.id order by name) as units
           from workplace w where w.local_id = $1 and w.name = $2`,
        [local, name],
      );
      expect(rows).toEqual([
        {
          id: expect.any(String),
          kind: 'WORKSITE',
          employer: 'Cecil Hotels LLC',
          headcount: 40,
          units: ['Kitchen', 'Lobby', 'Night shift'],
        },
      ]);
      const id: string = rows[0].id;
      await screen(page, w);

      // In the list, with its numbers.
      await page.getByRole('link', { name: w.backToWorkplaces }).click();
      const card = page.locator('.cards article').filter({ hasText: name });
      await card.getByText(w.membersOf(0, 40)).waitFor();
      await card.getByText('Cecil Hotels LLC').waitFor();
      await screen(page, w);

      // Someone now works the night shift: that unit cannot be removed, and the refusal says why.
      const night = (
        await db.query(`select id from unit where workplace_id = $1 and name = 'Night shift'`, [id])
      ).rows[0].id;
      await makeMember(db, local, { workplaceId: id, unitId: night, firstName: 'Nico', lastName: 'Paz' });
      await card.getByRole('link').click();
      await page.getByRole('link', { name: w.editWorkplace }).click();
      await page.getByRole('heading', { name: w.editWorkplace, level: 1 }).waitFor();
      await screen(page, w);
      await page.getByRole('button', { name: w.remove('Night shift') }).click();
      await page.getByRole('button', { name: w.saveWorkplace }).click();
      await page.getByRole('alert').filter({ hasText: w.unitsRefused }).waitFor();
      // Put it back, rename the empty Lobby, and change the headcount.
      await page.getByLabel(w.newUnit).fill('Night shift');
      await page.getByRole('button', { name: w.addUnit }).click();
      await page.getByLabel(w.unit(2)).fill('Front desk');
      await page.getByLabel(w.workers).fill('42');
      await page.getByRole('button', { name: w.saveWorkplace }).click();
      await page.getByRole('heading', { name: w.majority(22, 42) }).waitFor();
      expect(await cells(page, 'Night shift')).toEqual(['Nico –']);
      await hasCount(page.getByText(w.noMembersYet), 2);
      const units = await db.query(`select name from unit where workplace_id = $1 order by name`, [id]);
      expect(units.rows.map((r) => r.name)).toEqual(['Front desk', 'Kitchen', 'Night shift']);

      // Archive, after a confirmation that names it: gone from the list, there when asked for.
      await page.getByRole('link', { name: w.editWorkplace }).click();
      await page.getByRole('button', { name: w.archiveThis }).click();
      await page.getByText(w.archiveAsk(name)).waitFor();
      await screen(page, w);
      await page.getByRole('button', { name: w.yesArchive }).click();
      await page
        .getByRole('status')
        .filter({ hasText: w.archived(name) })
        .waitFor();
      await page.getByRole('heading', { name: w.workplaces, level: 1 }).waitFor();
      await settled(page);
      await hasCount(page.locator('.cards article').filter({ hasText: name }), 0);
      await page.getByLabel(w.showArchived).check();
      await page.locator('.cards article').filter({ hasText: name }).getByText(w.archivedBadge).waitFor();
      expect(
        (await db.query('select archived_at from workplace where id = $1', [id])).rows[0].archived_at,
      ).not.toBe(null);
      await screen(page, w);
      await signOutClean(page, w);
    }, 120_000);
  }

  /**
   * A workplace of 8 with two units and five members: Ana (kitchen, 1, talked to 2 days ago,
   * signed, a committee captain), Bea (kitchen, 2, trained), Carlos (housekeeping, 3, Ana's
   * contact), Dora (housekeeping, not assessed), Eva (no unit, 5, signed). Zoila works elsewhere.
   */
  async function seedChart(tag: string) {
    const db = rig.t.db;
    const local = await makeLocal(db, `Local 11 (${tag})`);
    const site = await makeWorkplace(db, local, { name: `Hotel Figueroa ${tag}`, headcount: 8 });
    const elsewhere = await makeWorkplace(db, local, { name: `Hotel Elsewhere ${tag}`, headcount: 3 });
    const kitchen = await makeUnit(db, local, site, 'Kitchen');
    const housekeeping = await makeUnit(db, local, site, 'Housekeeping');
    const organizer = await person(local, Role.ORGANIZER);
    const steward = await person(local, Role.STEWARD, [site]);
    const m = async (firstName: string, unitId: string | null, level: number | null, workplaceId = site) => {
      const id = await makeMember(db, local, { workplaceId, unitId, firstName, lastName: 'López' });
      if (level) await db.query('update member set support_level = $2 where id = $1', [id, level]);
      return id;
    };
    const ana = await m('Ana', kitchen, 1);
    const bea = await m('Bea', kitchen, 2);
    const carlos = await m('Carlos', housekeeping, 3);
    await m('Dora', housekeeping, null);
    const eva = await m('Eva', null, 5);
    await m('Zoila', null, 1, elsewhere);
    await db.query(`update member set last_contact_at = now() - interval '2 days' where id = $1`, [ana]);
    const petition = await makePetition(db, local, {
      workplaceId: site,
      status: 'OPEN',
      goal: 5,
      title: 'Fair schedules',
    });
    await makePetition(db, local, { workplaceId: site, status: 'DRAFT', title: 'Not yet open' });
    await makeSignature(db, local, petition, ana, organizer.id);
    await makeSignature(db, local, petition, eva, organizer.id);
    const training = await makeEvent(db, local, {
      kind: 'KYR_TRAINING',
      startsAt: new Date(Date.now() - 10 * DAY),
    });
    await makeAttendance(db, local, training, bea, organizer.id, { attended: true });
    // An RSVP without attendance does not make Carlos trained.
    await makeAttendance(db, local, training, carlos, organizer.id, { attended: null });
    const committee = await makeCommittee(db, local, { workplaceId: site });
    const seat = await makeCommitteeMembership(db, local, committee, ana, { unitId: kitchen });
    await makeCommitteeContact(db, local, seat, carlos);
    return { local, site, organizer, steward, petition };
  }

  for (const run of RUNS) {
    it(`shows the wall chart by unit, with the majority, the signatures and the filters, in ${named(run)}`, async () => {
      const w = WORDS[run.lang];
      const s = await seedChart(`chart ${run.lang}${run.laptop ? 'L' : 'P'}`);
      const page = await open(run.lang, run.laptop);
      await signIn(page, rig.base, s.organizer.email, w, { heading: w.today });
      await tab(page, w.workplacesTab).click();
      await page.getByRole('link', { name: /Hotel Figueroa/ }).click();
      await page.getByRole('heading', { name: /Hotel Figueroa/, level: 1 }).waitFor();

      // The majority of 8 is 5; Ana and Bea are at 1–2.
      await page.getByRole('heading', { name: w.majority(5, 8) }).waitFor();
      await page.getByText(w.short(2, 3)).waitFor();
      // The open petition's signatures are marked at once (the draft is not offered).
      await page.getByText(w.signedHere(2)).waitFor();
      expect(await page.getByLabel(w.signedOf).locator('option').allTextContents()).toEqual([
        w.none,
        'Fair schedules',
      ]);
      expect(await cells(page, 'Kitchen')).toEqual(['Ana 1 ✓', 'Bea 2']);
      expect(await cells(page, 'Housekeeping')).toEqual(['Carlos 3', 'Dora –']);
      expect(await cells(page, w.noUnit)).toEqual(['Eva 5 ✓']);
      expect(await page.locator('body').innerText()).not.toMatch(/Zoila/);
      // The mark and the level are said to a screen reader too.
      await page.getByRole('link', { name: new RegExp(`^Ana\\s*, ${w.leader}, ${w.signed}$`) }).waitFor();
      await screen(page, w);
      if (run.lang === 'es' && !run.laptop) await shot(page, 'wall-chart', { whole: true });

      // Not contacted in 7 days: Ana is out.
      await page.getByLabel(w.notContacted).selectOption({ label: w.sevenDays });
      await page.getByText(w.showing(4, 5)).waitFor();
      expect(await cells(page, 'Kitchen')).toEqual(['Bea 2']);
      await page.getByLabel(w.notContacted).selectOption({ label: w.anyTime });
      // Not trained: Bea attended a training; Carlos only said he would come.
      await page.getByLabel(w.untrained).check();
      await page.getByText(w.showing(4, 5)).waitFor();
      expect(await cells(page, 'Kitchen')).toEqual(['Ana 1 ✓']);
      expect(await cells(page, 'Housekeeping')).toEqual(['Carlos 3', 'Dora –']);
      // No committee contact: Carlos is Ana's contact.
      await page.getByLabel(w.uncovered).check();
      await page.getByText(w.showing(3, 5)).waitFor();
      expect(await cells(page, 'Housekeeping')).toEqual(['Dora –']);
      await page.getByLabel(w.untrained).uncheck();
      await page.getByText(w.showing(4, 5)).waitFor();
      await screen(page, w);
      await page.getByLabel(w.uncovered).uncheck();
      await page.getByText(w.members(5)).waitFor();

      // No petition chosen: no marks.
      await page.getByLabel(w.signedOf).selectOption({ label: w.none });
      expect(await cells(page, w.noUnit)).toEqual(['Eva 5']);

      // A cell opens the member's page.
      await row(page, 'Kitchen').getByRole('link', { name: /^Bea/ }).click();
      await page.getByRole('heading', { name: 'Bea López', level: 1 }).waitFor();
      expect(page.url()).toMatch(/\/members\/[0-9a-f-]{36}$/);
      await signOutClean(page, w);
    }, 120_000);
  }

  it('renders the wall chart of a 500-member workplace (the time is printed)', async () => {
    const w = WORDS.en;
    const db = rig.t.db;
    const local = await makeLocal(db, 'Local 500');
    const site = await makeWorkplace(db, local, { name: 'Big Hospital', headcount: 520 });
    const units: string[] = [];
    for (let i = 1; i <= 10; i++)
      units.push(await makeUnit(db, local, site, `Ward ${String(i).padStart(2, '0')}`));
    await db.query(
      `insert into member (local_id, workplace_id, unit_id, first_name, last_name, support_level)
       select $1, $2, ($3::uuid[])[1 + (i % 11)], 'Worker' || i, 'Test', nullif(i % 6, 0)
         from generate_series(1, 500) as i`,
      [local, site, units],
    );
    const organizer = await person(local, Role.ORGANIZER);
    const petition = await makePetition(db, local, { workplaceId: site, status: 'OPEN', goal: 261 });
    await db.query(
      `insert into signature (local_id, petition_id, member_id, collected_by, method)
       select $1, $2, id, $3, 'PAPER' from member where workplace_id = $4 order by last_name, first_name limit 200`,
      [local, petition, organizer.id, site],
    );
    for (const laptop of [true, false]) {
      const page = await open('en', laptop);
      await signIn(page, rig.base, organizer.email, w, { heading: w.today });
      await tab(page, w.workplacesTab).click();
      const link = page.getByRole('link', { name: /Big Hospital/ });
      await link.waitFor();
      const start = Date.now();
      await link.click();
      // The page's document, typed here by hand: this file is type-checked for Node, without the DOM.
      await page.waitForFunction(
        () => {
          const d = (
            globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
          ).document;
          return (
            d.querySelectorAll('a.wp-cell').length === 500 && d.querySelectorAll('a.wp-did').length === 200
          );
        },
        undefined,
        { timeout: 30_000, polling: 'raf' },
      );
      const ms = Date.now() - start;
      console.log(
        `The wall chart of 500 members rendered in ${ms} ms (${laptop ? 'laptop' : 'phone'} viewport)`,
      );
      await page.getByRole('heading', { name: w.majority(261, 520) }).waitFor();
      expect(await row(page, w.noUnit).locator('a.wp-cell').count()).toBe(45);
      await screen(page, w);
      await signOutClean(page, w);
    }
  }, 180_000);

  for (const run of RUNS) {
    it(`creates, opens, delivers and closes a petition, with its progress by unit, in ${named(run)}`, async () => {
      const w = WORDS[run.lang];
      const db = rig.t.db;
      const tag = `${run.lang}${run.laptop ? 'L' : 'P'}`;
      const local = await makeLocal(db, `Local 11 (petitions ${tag})`);
      const site = await makeWorkplace(db, local, { name: `Hotel Bonaventure ${tag}`, headcount: 8 });
      const kitchen = await makeUnit(db, local, site, 'Kitchen');
      const housekeeping = await makeUnit(db, local, site, 'Housekeeping');
      await makeMember(db, local, {
        workplaceId: site,
        unitId: kitchen,
        firstName: 'Ana',
        lastName: 'López',
      });
      await makeMember(db, local, {
        workplaceId: site,
        unitId: kitchen,
        firstName: 'Bea',
        lastName: 'Ramos',
      });
      await makeMember(db, local, {
        workplaceId: site,
        unitId: housekeeping,
        firstName: 'José',
        lastName: 'Núñez',
      });
      const organizer = await person(local, Role.ORGANIZER);
      const page = await open(run.lang, run.laptop);
      await signIn(page, rig.base, organizer.email, w, { heading: w.today });

      await page.goto(`${rig.base}/petitions`);
      await page.getByRole('heading', { name: w.petitions, level: 1 }).waitFor();
      await page.getByText(w.noPetitions).waitFor();
      await screen(page, w);
      await page.getByRole('link', { name: w.newPetition }).click();
      await page.getByRole('heading', { name: w.newPetition, level: 1 }).waitFor();

      // A petition of the whole local needs a goal: the API's refusal reads next to the field.
      const title = `Fair schedules ${tag}`;
      await page.getByLabel(w.title).fill(title);
      await page.getByLabel(w.demand).fill('Publish schedules two weeks ahead.');
      await page.getByLabel(w.target).fill('The general manager');
      await page.getByRole('button', { name: w.saveDraft }).click();
      await page.getByRole('alert').filter({ hasText: w.needsGoal }).waitFor();
      // At the workplace, the goal defaults to the majority of its headcount.
      await page.getByLabel(w.workplace).selectOption({ label: `Hotel Bonaventure ${tag}` });
      await page.getByText(w.goalHint(5, 8)).waitFor();
      await page.getByLabel(w.deadline).fill('2031-03-15');
      await screen(page, w);
      await page.getByRole('button', { name: w.saveDraft }).click();

      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: w.draftSaved }).waitFor();
      await page.getByRole('heading', { name: w.status(w.draft) }).waitFor();
      await page.getByText(w.progress(0, 5)).waitFor();
      const stored1 = await db.query('select id, goal, status, deadline from petition where local_id = $1', [
        local,
      ]);
      expect(stored1.rows).toEqual([
        { id: expect.any(String), goal: 5, status: 'DRAFT', deadline: expect.any(Date) },
      ]);
      await page.getByText(w.unitBehind(0, 2, 2)).waitFor();
      await screen(page, w);

      // Open, after a confirmation.
      await page.getByRole('button', { name: w.openIt }).click();
      await page.getByText(w.openAsk).waitFor();
      await screen(page, w);
      await page.getByRole('button', { name: w.yes(w.openIt) }).click();
      await page.getByRole('heading', { name: w.status(w.open) }).waitFor();

      // A signature: the kitchen moves, against its majority of 2.
      await page.getByLabel(w.searchMember).fill('Ana');
      await page
        .locator('.choices')
        .getByRole('button', { name: /Ana López/ })
        .click();
      await page.getByRole('button', { name: w.onPaper }).click();
      await page.getByRole('button', { name: w.addSignature }).click();
      await page.getByText(w.anaSigned).waitFor();
      await page.getByText(w.progress(1, 5)).waitFor();
      const kitchenBar = page.locator('.pt-units li').filter({ hasText: 'Kitchen' });
      await kitchenBar.getByText(w.unitBehind(1, 2, 2)).waitFor();
      await page
        .locator('.pt-units li')
        .filter({ hasText: 'Housekeeping' })
        .getByText(w.unitBehind(0, 1, 1))
        .waitFor();
      await page.getByRole('heading', { name: w.byUnit }).waitFor();
      expect(await kitchenBar.locator('.pt-bar-fill').evaluate('(e) => getComputedStyle(e).width')).not.toBe(
        '0px',
      );
      await screen(page, w);

      // Deliver, then won; each asks first.
      await page.getByRole('button', { name: w.deliverIt }).click();
      await page.getByText(w.deliverAsk).waitFor();
      await page.getByRole('button', { name: w.yes(w.deliverIt) }).click();
      await page.getByRole('heading', { name: w.status(w.delivered) }).waitFor();
      await page.getByRole('button', { name: w.winIt }).click();
      await page.getByText(w.winAsk).waitFor();
      await page.getByRole('button', { name: w.yes(w.winIt) }).click();
      await page.getByRole('heading', { name: w.status(w.won) }).waitFor();
      await page.getByRole('button', { name: w.closeIt }).waitFor();
      await hasCount(page.getByRole('button', { name: w.winIt }), 0);
      const after = await db.query('select status, delivered_at from petition where local_id = $1', [local]);
      expect(after.rows).toEqual([{ status: 'WON', delivered_at: expect.any(Date) }]);
      await screen(page, w);

      // The list, filtered by status.
      await page.getByRole('link', { name: /←/ }).click();
      await page.getByRole('heading', { name: w.petitions, level: 1 }).waitFor();
      await page.locator('.cards').getByText(title).waitFor();
      await page.getByLabel(w.statusFilter).selectOption({ label: w.won });
      await page.getByText(w.count(1)).waitFor();
      await page.locator('.cards').getByText(w.won).waitFor();
      await page.getByLabel(w.statusFilter).selectOption({ label: w.draft });
      await page.getByText(w.noPetitions).waitFor();
      await screen(page, w);
      await signOutClean(page, w);
    }, 120_000);
  }

  for (const run of RUNS) {
    it(`offers a steward no organizer buttons, in ${named(run)}`, async () => {
      const w = WORDS[run.lang];
      const s = await seedChart(`steward ${run.lang}`);
      const page = await open(run.lang, run.laptop);
      await signIn(page, rig.base, s.steward.email, w, { heading: w.today });

      // Their workplace, read only.
      await page.goto(`${rig.base}/workplaces`);
      await page.getByRole('heading', { name: w.workplaces, level: 1 }).waitFor();
      await hasCount(page.locator('.cards article'), 1);
      await page.getByRole('link', { name: /Hotel Figueroa/ }).click();
      await page.getByRole('heading', { name: w.majority(5, 8) }).waitFor();
      await page.getByText(w.signedHere(2)).waitFor();
      expect(await cells(page, 'Kitchen')).toEqual(['Ana 1 ✓', 'Bea 2']);
      await hasCount(page.getByRole('link', { name: w.editWorkplace }), 0);
      await hasCount(page.getByRole('link', { name: w.newPetition }), 0);
      await screen(page, w);
      await page.getByRole('link', { name: w.backToWorkplaces }).click();
      await hasCount(page.getByRole('link', { name: w.newWorkplace }), 0);

      // Petitions: part 1's list and collecting, without the organizer's moves.
      await page.locator('nav.tabs').getByRole('link', { name: w.petitions, exact: true }).click();
      await page.getByText('Fair schedules').waitFor();
      await hasCount(page.getByRole('link', { name: w.newPetition }), 0);
      await hasCount(page.getByLabel(w.statusFilter), 0);
      await page.getByText('Fair schedules').click();
      await page.getByLabel(w.searchMember).waitFor();
      await settled(page);
      await hasCount(page.getByRole('button', { name: w.deliverIt }), 0);
      await hasCount(page.getByRole('heading', { name: w.byUnit }), 0);
      await screen(page, w);

      // The organizer's screens by their address: no access.
      await page.goto(`${rig.base}/workplaces/new`);
      await page.getByText(w.noAccess).waitFor();
      await page.goto(`${rig.base}/workplaces/${s.site}/edit`);
      await page.getByText(w.noAccess).waitFor();
      await page.goto(`${rig.base}/petitions/new`);
      await page.getByText(w.noAccess).waitFor();
      await screen(page, w);
      // A steward's Settings is a tab of its own.
      await signOutClean(page, w);
    }, 120_000);
  }
});
