import { Role } from '@juntos/common';
import { grant, makeLocal, makeUser, makeWorkplace, TEST_PASSWORD } from '@juntos/test-support';
import {
  checkScreen,
  describeInBrowser,
  hasCount,
  LAPTOP,
  largeTextPhone,
  NOTHING_STORED,
  phone,
  rigForFile,
  settled,
  SHELL_WORDS,
  shot,
  signIn,
  signOutClean,
  stored,
} from './browser';

const WORDS = {
  en: {
    ...SHELL_WORDS.en,
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
    workplacesKind: 'Workplaces',
    pending: 'Invitations not yet accepted',
    total: (n: number) => `${n} events in all`,
    showMore: 'Show more people',
    noRole: 'No role in this local.',
  },
  es: {
    ...SHELL_WORDS.es,
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
    workplacesKind: 'Centros de trabajo',
    pending: 'Invitaciones aún no aceptadas',
    total: (n: number) => `${n} eventos en total`,
    showMore: 'Mostrar más personas',
    noRole: 'No tiene ningún rol en este local.',
  },
};

describeInBrowser("the local admin's people and activity log in the web app", () => {
  const rig = rigForFile();

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

  for (const lang of ['es', 'en'] as const) {
    it(`lets an admin invite, give and remove a role, end a lost phone's sessions and page the activity log, in ${lang === 'es' ? 'Spanish' : 'English'}`, async () => {
      const w = WORDS[lang];
      const s = await seed(lang);
      const page = await phone(rig.browser, w.locale);
      if (lang === 'en') await page.setViewportSize(LAPTOP);
      await signIn(page, rig.base, s.admin.email, w, { tabs: true });

      // People: everyone with a role, the board member who never did anything among them.
      await page.goto(`${rig.base}/people`);
      await page.getByRole('heading', { name: w.people, level: 1 }).waitFor();
      await page.getByRole('link', { name: /Sergio Steward/ }).waitFor();
      await page.getByRole('link', { name: /Beto Board/ }).waitFor();
      await checkScreen(page);
      if (lang === 'es') await shot(page, 'people');

      // Invite: the one-time code shows once, and works through POST /auth/accept-invitation.
      await page.getByRole('link', { name: w.invite }).click();
      const invited = `nina-${lang}@example.org`;
      await page.getByLabel(w.theirEmail).fill(invited);
      await page.getByRole('button', { name: w.steward, exact: true }).click();
      await page.getByLabel('Hotel Figueroa').check();
      await checkScreen(page);
      await page.getByRole('button', { name: w.createInvitation }).click();
      await page.getByRole('heading', { name: w.ready }).waitFor();
      await page.getByText(w.handOver).waitFor();
      const token = (await page.locator('.token code').innerText()).trim();
      expect(token.length).toBeGreaterThan(20);
      expect(page.url()).not.toContain(token);
      await checkScreen(page);
      await page.getByRole('button', { name: w.hide }).click();
      await page.getByLabel(w.theirEmail).waitFor();
      expect(await page.locator('body').innerText()).not.toContain(token);
      expect(await stored(page)).toEqual(NOTHING_STORED);
      // Until accepted, the invitation shows among the people, without its code.
      await page.goto(`${rig.base}/people`);
      await page.getByRole('heading', { name: w.pending, level: 2 }).waitFor();
      const pendingInvitation = page.locator('.pending-invitations li').filter({ hasText: invited });
      await pendingInvitation.waitFor();
      expect(await page.locator('body').innerText()).not.toContain(token);
      await checkScreen(page);
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
      await settled(page);
      expect(await pendingInvitation.count()).toBe(0);

      // Give a role, then remove it.
      await page.getByRole('link', { name: /Sergio Steward/ }).click();
      await page.getByRole('heading', { name: 'Sergio Steward', level: 1 }).waitFor();
      await page.getByText(w.workplaces).waitFor();
      await checkScreen(page);
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
      await checkScreen(page);
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
      await checkScreen(page);

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
      await checkScreen(page);
      await page.getByRole('button', { name: w.loadMore }).click();
      await hasCount(events, Math.min(total, 50));
      await events.filter({ hasText: w.workplaceUpdate }).first().waitFor();
      // Narrowed to workplaces, the API is asked for those only: 25 of the 30, then the rest.
      const asked = page.waitForRequest(
        (r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('"action":"workplace."'),
      );
      await page.getByLabel(w.show).selectOption({ label: w.workplacesKind });
      await asked;
      await page.getByText(w.total(30)).waitFor();
      await hasCount(events, 25);
      await page.getByRole('button', { name: w.loadMore }).click();
      await hasCount(events, 30);
      expect(await events.filter({ hasText: w.workplaceUpdate }).count()).toBe(30);
      expect(await events.filter({ hasText: w.gaveRole }).count()).toBe(0);
      expect(await page.getByRole('button', { name: w.loadMore }).count()).toBe(0);
      await checkScreen(page);

      // An admin's tabs hold no Settings tab (it is under More): open it by its address.
      await signOutClean(page, w, rig.base);
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
      await signIn(page, rig.base, who.email, w, { tabs: true });
      for (const path of ['/people', '/audit']) {
        await page.goto(`${rig.base}${path}`);
        await page.getByRole('alert').filter({ hasText: w.noAccess }).waitFor();
        await checkScreen(page);
        const text = await page.locator('body').innerText();
        expect(text).not.toMatch(/Alma|Sergio|Beto|@example\.org/);
        expect(await page.locator('.cards li, .audit-event').count()).toBe(0);
      }
      await signOutClean(page, w, rig.base);
    }
  }, 120_000);
  it('pages the people 50 at a time, finds a person past the first page, and keeps them on screen once their last role is removed', async () => {
    const w = WORDS.en;
    const s = await seed('pages');
    // 60 board members after Alma and Beto by name, then Zoe, whose one role is on the second page.
    for (let i = 1; i <= 60; i++) {
      const u = await makeUser(rig.t.db, { displayName: `Pat ${String(i).padStart(2, '0')}` });
      await grant(rig.t.db, s.local, u.id, Role.BOARD_MEMBER);
    }
    const zoe = await makeUser(rig.t.db, { displayName: 'Zoe Zapata' });
    await grant(rig.t.db, s.local, zoe.id, Role.ORGANIZER);
    const page = await phone(rig.browser, w.locale);
    await page.setViewportSize(LAPTOP);
    await signIn(page, rig.base, s.admin.email, w, { tabs: true });
    await page.goto(`${rig.base}/people`);
    const people = page.locator('ul.cards > li');
    await hasCount(people, 50);
    expect(await page.getByRole('link', { name: /Zoe Zapata/ }).count()).toBe(0);
    await page.getByRole('button', { name: w.showMore }).click();
    await hasCount(people, 64);
    expect(await page.getByRole('button', { name: w.showMore }).count()).toBe(0);
    await page.getByRole('link', { name: /Zoe Zapata/ }).click();
    await page.getByRole('heading', { name: 'Zoe Zapata', level: 1 }).waitFor();
    await page.getByRole('button', { name: w.removeRole }).click();
    await page.getByRole('button', { name: w.yesRemove }).click();
    await page.getByRole('status').filter({ hasText: w.removed }).waitFor();
    await page.getByText(w.noRole).waitFor();
    await page.getByRole('heading', { name: 'Zoe Zapata', level: 1 }).waitFor();
    await checkScreen(page);
    await page.context().close();
  }, 120_000);
  it('keeps the people, a person, the invitation and the log within a 360 px phone at 200% text', async () => {
    const w = WORDS.es;
    const s = await seed('200%');
    const page = await largeTextPhone(rig.browser, w.locale);
    await signIn(page, rig.base, s.admin.email, w, { tabs: true });
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
