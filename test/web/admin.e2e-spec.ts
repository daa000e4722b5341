import { Page } from 'playwright-core';
import { Role } from '@juntos/common';
import { grant, makeLocal, makeUser, makeWorkplace, TEST_PASSWORD } from '@juntos/test-support';
import {
  accessible,
  describeInBrowser,
  hasCount,
  NOTHING_STORED,
  phone,
  settled,
  smallTargets,
  startRig,
  stored,
  violations,
  WebRig,
} from './browser';

const WORDS = {
  en: {
    locale: 'en-US',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    people: 'People',
    invite: 'Invite someone',
    theirEmail: 'Their email',
    steward: 'Steward',
    organizer: 'Organizer',
    createInvitation: 'Create the invitation',
    ready: 'Invitation ready',
    handOver: /Hand this code over in person/,
    hide: 'Done: hide the code',
    giveRole: 'Give the role: Organizer',
    given: 'Role given: Organizer',
    removeRole: 'Remove role: Organizer',
    yesRemove: 'Yes, remove the role',
    removed: 'Role removed: Organizer',
    workplaces: 'Workplaces: Hotel Bonaventure',
    endSessions: 'End their sessions',
    yesEnd: 'Yes, sign them out everywhere',
    ended: 'Signed out everywhere: 1 session ended.',
    audit: 'Activity log',
    loadMore: 'Load older events',
    gaveRole: 'Gave a role',
    workplaceUpdate: 'Edited a workplace',
    show: 'Show',
    peopleGroup: 'People, roles and sessions',
    total: (n: number) => `${n} events in all`,
    noAccess: "You don't have access to this.",
  },
  es: {
    locale: 'es-MX',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    signOut: 'Cerrar sesión',
    people: 'Personas',
    invite: 'Invitar a alguien',
    theirEmail: 'Su correo electrónico',
    steward: 'Delegado/a',
    organizer: 'Organizador/a',
    createInvitation: 'Crear la invitación',
    ready: 'Invitación lista',
    handOver: /Entrega este código en persona/,
    hide: 'Listo: ocultar el código',
    giveRole: 'Dar el rol: Organizador/a',
    given: 'Rol dado: Organizador/a',
    removeRole: 'Quitar el rol: Organizador/a',
    yesRemove: 'Sí, quitar el rol',
    removed: 'Rol quitado: Organizador/a',
    workplaces: 'Centros de trabajo: Hotel Bonaventure',
    endSessions: 'Cerrar sus sesiones',
    yesEnd: 'Sí, cerrar su sesión en todas partes',
    ended: 'Se cerró su sesión en todas partes: 1 sesión cerrada.',
    audit: 'Registro de actividad',
    loadMore: 'Cargar eventos anteriores',
    gaveRole: 'Dio un rol',
    workplaceUpdate: 'Editó un centro de trabajo',
    show: 'Mostrar',
    peopleGroup: 'Personas, roles y sesiones',
    total: (n: number) => `${n} eventos en total`,
    noAccess: 'No tienes acceso a esto.',
  },
};
type Words = (typeof WORDS)['en'];
const LAPTOP = { width: 1280, height: 800 };

describeInBrowser("the local admin's people and activity log in the web app", () => {
  let rig: WebRig;
  beforeAll(async () => {
    rig = await startRig();
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  /** An admin, a steward of one of two workplaces who has done something, and 30 older events. */
  async function seed(lang: string) {
    const db = rig.t.db;
    const local = await makeLocal(db, `Local 7 (${lang})`);
    const bonaventure = await makeWorkplace(db, local, { name: 'Hotel Bonaventure' });
    const figueroa = await makeWorkplace(db, local, { name: 'Hotel Figueroa' });
    const admin = await makeUser(db, { displayName: 'Alma Admin' });
    await grant(db, local, admin.id, Role.LOCAL_ADMIN);
    const steward = await makeUser(db, { displayName: 'Sergio Steward' });
    await grant(db, local, steward.id, Role.STEWARD, [bonaventure]);
    const board = await makeUser(db, { displayName: 'Beto Board' });
    await grant(db, local, board.id, Role.BOARD_MEMBER);
    // Thirty edits by the steward's organizer long ago, then one the steward did yesterday.
    for (let i = 0; i < 30; i++)
      await db.query(
        `insert into audit_event (local_id, actor_id, action, target_type, target_id, created_at)
         values ($1, $2, 'workplace.update', 'Workplace', $3, now() - make_interval(days => 2, mins => $4))`,
        [local, admin.id, bonaventure, i],
      );
    await db.query(
      `insert into audit_event (local_id, actor_id, action, target_type, target_id, created_at)
       values ($1, $2, 'member.create', 'Member', gen_random_uuid(), now() - interval '1 day')`,
      [local, steward.id],
    );
    return { local, admin, steward, board, bonaventure, figueroa };
  }

  async function signIn(page: Page, w: Words, email: string) {
    await page.goto(rig.base);
    await page.getByLabel(w.email).fill(email);
    await page.getByLabel(w.password).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: w.signIn }).click();
    await page.locator('nav.tabs').waitFor();
  }

  async function checked(page: Page) {
    await settled(page);
    expect(await accessible(page)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  }

  async function signOut(page: Page, w: Words) {
    // An admin's tabs hold no Settings tab (it is under More): open it by its address.
    await page.goto(`${rig.base}/settings`);
    await page.getByRole('button', { name: w.signOut }).click();
    await page.getByRole('button', { name: w.signIn }).waitFor();
    expect(await stored(page)).toEqual(NOTHING_STORED);
    expect(await violations(page)).toEqual([]);
  }

  for (const lang of ['es', 'en'] as const) {
    it(`lets an admin invite, give and remove a role, end a lost phone's sessions and page the activity log, in ${lang === 'es' ? 'Spanish' : 'English'}`, async () => {
      const w = WORDS[lang];
      const s = await seed(lang);
      const page = await phone(rig.browser, w.locale);
      if (lang === 'en') await page.setViewportSize(LAPTOP);
      await signIn(page, w, s.admin.email);

      // People: the steward who did something, with their role.
      await page.goto(`${rig.base}/people`);
      await page.getByRole('heading', { name: w.people, level: 1 }).waitFor();
      await page.getByRole('link', { name: /Sergio Steward/ }).waitFor();
      await checked(page);

      // Invite: the one-time code shows once, and works through POST /auth/accept-invitation.
      await page.getByRole('link', { name: w.invite }).click();
      const invited = `nina-${lang}@example.org`;
      await page.getByLabel(w.theirEmail).fill(invited);
      await page.getByRole('button', { name: w.steward, exact: true }).click();
      await page.getByLabel('Hotel Figueroa').check();
      await checked(page);
      await page.getByRole('button', { name: w.createInvitation }).click();
      await page.getByRole('heading', { name: w.ready }).waitFor();
      await page.getByText(w.handOver).waitFor();
      const token = (await page.locator('.token code').innerText()).trim();
      expect(token.length).toBeGreaterThan(20);
      expect(page.url()).not.toContain(token);
      await checked(page);
      await page.getByRole('button', { name: w.hide }).click();
      await page.getByLabel(w.theirEmail).waitFor();
      expect(await page.locator('body').innerText()).not.toContain(token);
      expect(await stored(page)).toEqual(NOTHING_STORED);
      const accepted = await rig.t
        .http()
        .post('/auth/accept-invitation')
        .send({ token, displayName: 'Nina New', password: TEST_PASSWORD });
      expect(accepted.status).toBe(200);
      const nina = await rig.t.db.query(
        `select r.role, array(select w.workplace_id from role_assignment_workplace w where w.role_assignment_id = r.id) as workplaces
         from role_assignment r join app_user u on u.id = r.user_id where u.email = $1 and r.local_id = $2`,
        [invited, s.local],
      );
      expect(nina.rows).toEqual([{ role: 'STEWARD', workplaces: [s.figueroa] }]);
      // A second use of the same code is refused.
      const again = await rig.t
        .http()
        .post('/auth/accept-invitation')
        .send({ token, displayName: 'Someone Else', password: TEST_PASSWORD });
      expect(again.status).toBeGreaterThanOrEqual(400);

      // The new steward shows among the people once they accepted.
      await page.goto(`${rig.base}/people`);
      await page.getByRole('link', { name: /Nina New/ }).waitFor();

      // Give a role, then remove it.
      await page.getByRole('link', { name: /Sergio Steward/ }).click();
      await page.getByRole('heading', { name: 'Sergio Steward', level: 1 }).waitFor();
      await page.getByText(w.workplaces).waitFor();
      await checked(page);
      await page.getByRole('button', { name: w.organizer, exact: true }).click();
      await page.getByRole('button', { name: w.giveRole }).click();
      await page.getByRole('status').filter({ hasText: w.given }).waitFor();
      const roles = () =>
        rig.t.db
          .query('select role from role_assignment where user_id = $1 and local_id = $2 order by role', [
            s.steward.id,
            s.local,
          ])
          .then((r) => r.rows.map((x: { role: string }) => x.role));
      expect(await roles()).toEqual(['ORGANIZER', 'STEWARD']);
      await page.getByRole('button', { name: w.removeRole }).click();
      await checked(page);
      await page.getByRole('button', { name: w.yesRemove }).click();
      await page.getByRole('status').filter({ hasText: w.removed }).waitFor();
      expect(await roles()).toEqual(['STEWARD']);

      // A lost phone: every session of the steward ends, and their token stops working.
      const lost = rig.t.tokenFor(s.steward.id);
      expect((await rig.t.gql(lost, '{ me { id } }')).data).toEqual({ me: { id: s.steward.id } });
      await page.getByRole('button', { name: w.endSessions }).click();
      await page.getByRole('button', { name: w.yesEnd }).click();
      await page.getByRole('status').filter({ hasText: w.ended }).waitFor();
      const refused = await rig.t.gql(lost, '{ me { id } }');
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      await checked(page);

      // The activity log: newest first, 25 at a time, in plain words, narrowed by kind.
      await page.goto(`${rig.base}/audit`);
      await page.getByRole('heading', { name: w.audit, level: 1 }).waitFor();
      const events = page.locator('.audit-event');
      await hasCount(events, 25);
      const total = Number(
        (await rig.t.db.query('select count(*)::int as n from audit_event where local_id = $1', [s.local]))
          .rows[0].n,
      );
      await page.getByText(w.total(total)).waitFor();
      expect(await events.first().locator('strong').innerText()).toMatch(
        lang === 'es' ? /Cerró la sesión de alguien en todas partes/ : /Signed someone out everywhere/,
      );
      await events.filter({ hasText: w.gaveRole }).first().waitFor();
      await checked(page);
      await page.getByRole('button', { name: w.loadMore }).click();
      await hasCount(events, Math.min(total, 50));
      await events.filter({ hasText: w.workplaceUpdate }).first().waitFor();
      await page.getByLabel(w.show).selectOption({ label: w.peopleGroup });
      await settled(page);
      expect(await events.filter({ hasText: w.workplaceUpdate }).count()).toBe(0);
      expect(await events.filter({ hasText: w.gaveRole }).count()).toBeGreaterThan(0);
      await checked(page);

      await signOut(page, w);
      await page.context().close();
    }, 120_000);
  }

  it('shows a steward (Spanish, phone) and a board member (English, laptop) no people and no log: the API refuses', async () => {
    const s = await seed('refused');
    for (const [who, w] of [
      [s.steward, WORDS.es],
      [s.board, WORDS.en],
    ] as const) {
      const page = await phone(rig.browser, w.locale);
      if (w === WORDS.en) await page.setViewportSize(LAPTOP);
      await signIn(page, w, who.email);
      for (const path of ['/people', '/audit']) {
        await page.goto(`${rig.base}${path}`);
        await page.getByRole('alert').filter({ hasText: w.noAccess }).waitFor();
        await checked(page);
        const text = await page.locator('body').innerText();
        expect(text).not.toMatch(/Alma|Sergio|Beto|@example\.org/);
        expect(await page.locator('.cards li, .audit-event').count()).toBe(0);
      }
      await signOut(page, w);
      await page.context().close();
    }
  }, 120_000);
  it('keeps the people, a person, the invitation and the log within a 360 px phone at 200% text', async () => {
    const w = WORDS.es;
    const s = await seed('200%');
    const page = await phone(rig.browser, w.locale);
    await page.setViewportSize({ width: 360, height: 740 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    await signIn(page, w, s.admin.email);
    for (const [path, ready] of [
      ['/people', 'Sergio Steward'],
      [`/people/${s.steward.id}`, w.workplaces],
      ['/people/invite', w.theirEmail],
      ['/audit', w.workplaceUpdate],
    ]) {
      await page.goto(`${rig.base}${path}`);
      await page.getByText(ready).first().waitFor();
      await settled(page);
      // What this area draws (the screen's main part) stays within the phone's width.
      expect(
        await page.evaluate(
          `[...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5).length`,
        ),
      ).toBe(0);
    }
    await page.context().close();
  }, 120_000);
});
