import { gzipSync } from 'node:zlib';
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
  makeOneOnOne,
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
  NOTHING_STORED,
  phone,
  rigForFile,
  settled,
  SHELL_WORDS,
  shot,
  signIn,
  stored,
  violations,
} from './browser';

/** The words the test reads on screen, in each language (the catalogs' own, as a user sees them). */
const WORDS = {
  en: {
    ...SHELL_WORDS.en,
    members: 'Members',
    myMembers: 'My members',
    petitions: 'Petitions',
    overdue: 'Overdue',
    done: 'Done',
    noFollowUps: 'No open follow-ups.',
    search: 'Search by name, email or phone',
    filters: 'Filters',
    unit: 'Unit',
    call: 'Call',
    text: 'Text',
    log: 'Log a one-on-one',
    inPerson: 'In person',
    next: 'Next',
    supporter: '2 · Supporter',
    anotherIssue: 'Another issue',
    add: 'Add',
    notes: 'Notes',
    never: 'Never record immigration status.',
    nextStep: 'Next step',
    followUp: 'Follow-up date',
    save: 'Save',
    tooLong: 'The notes are too long',
    saved: "Saved. Ana's assessment: 2 · Supporter",
    searchMember: 'Search for a member',
    onPaper: 'On paper',
    addSignature: 'Add signature',
    progress: (n: number, of: number) => `${n} of ${of} signatures`,
    signed: 'Ana López signed.',
    already: 'Bea Ramos already signed this petition.',
    thisPhone: 'This phone',
    chooseLocal: 'Choose your local',
    board: 'Board',
    signedPetitions: 'Petitions signed',
    attended: 'Attended',
    captain: 'Captain',
  },
  es: {
    ...SHELL_WORDS.es,
    members: 'Miembros',
    myMembers: 'Mis miembros',
    petitions: 'Peticiones',
    overdue: 'Atrasado',
    done: 'Listo',
    noFollowUps: 'No tienes seguimientos pendientes.',
    search: 'Busca por nombre, correo o teléfono',
    filters: 'Filtros',
    unit: 'Área',
    call: 'Llamar',
    text: 'Mensaje',
    log: 'Anotar una conversación',
    inPerson: 'En persona',
    next: 'Siguiente',
    supporter: '2 · A favor',
    anotherIssue: 'Otro tema',
    add: 'Agregar',
    notes: 'Notas',
    never: 'Nunca anotes el estatus migratorio.',
    nextStep: 'Próximo paso',
    followUp: 'Fecha de seguimiento',
    save: 'Guardar',
    tooLong: 'Las notas son demasiado largas',
    saved: 'Se guardó. Nivel de apoyo de Ana: 2 · A favor',
    searchMember: 'Busca un miembro',
    onPaper: 'En papel',
    addSignature: 'Agregar firma',
    progress: (n: number, of: number) => `${n} de ${of} firmas`,
    signed: 'Ana López firmó.',
    already: 'Bea Ramos ya firmó esta petición.',
    thisPhone: 'Este teléfono',
    chooseLocal: 'Elige tu local o sindicato',
    board: 'Mesa directiva',
    signedPetitions: 'Peticiones firmadas',
    attended: 'Asistió',
    captain: 'Capitán/a',
  },
};
type Words = (typeof WORDS)['en'];

/** One of the steward's tabs at the bottom of the screen. */
const tab = (page: Page, name: string) => page.locator('nav.tabs').getByRole('link', { name, exact: true });

const DAY = 86_400_000;

describeInBrowser("the steward's day in the web app", () => {
  const rig = rigForFile();

  /**
   * A local with two workplaces, a steward assigned to one, members on both sides of that line,
   * an overdue follow-up, an open petition; and a second local where the steward also has a role.
   */
  async function seed(lang: 'en' | 'es') {
    const db = rig.t.db;
    const local = await makeLocal(db, `Local 11 (${lang})`);
    const tenants = await makeLocal(db, `Tenants of Boyle Heights (${lang})`);
    const site = await makeWorkplace(db, local, { name: 'Hotel Bonaventure', headcount: 6 });
    const elsewhere = await makeWorkplace(db, local, { name: 'Hotel Elsewhere', headcount: 6 });
    const kitchen = await makeUnit(db, local, site, lang === 'es' ? 'Cocina' : 'Kitchen');
    const housekeeping = await makeUnit(db, local, site, lang === 'es' ? 'Limpieza' : 'Housekeeping');
    const steward = await makeUser(db, { displayName: 'Rosa' });
    await grant(db, local, steward.id, Role.STEWARD, [site]);
    await grant(db, tenants, steward.id, Role.STEWARD, []);
    const ana = await makeMember(db, local, {
      workplaceId: site,
      unitId: kitchen,
      firstName: 'Ana',
      lastName: 'López',
      phone: '+13105550101',
    });
    const jose = await makeMember(db, local, {
      workplaceId: site,
      unitId: housekeeping,
      firstName: 'José',
      lastName: 'Núñez',
    });
    const bea = await makeMember(db, local, {
      workplaceId: site,
      unitId: kitchen,
      firstName: 'Bea',
      lastName: 'Ramos',
    });
    // Enough members for the list to load a second page as it scrolls (pages of 25).
    for (let i = 1; i <= 27; i++)
      await makeMember(db, local, {
        workplaceId: site,
        firstName: `Worker${String(i).padStart(2, '0')}`,
        lastName: 'Test',
      });
    const hidden = await makeMember(db, local, {
      workplaceId: elsewhere,
      firstName: 'Zoila',
      lastName: 'Oculta',
    });
    // Ana: assessed 3 ten days ago, with a follow-up that fell due yesterday.
    await makeOneOnOne(db, local, ana, steward.id, {
      occurredAt: new Date(Date.now() - 10 * DAY),
      followUpAt: new Date(Date.now() - DAY),
      supportLevel: 3,
      issues: ['wages'],
    });
    await db.query(
      `update member set support_level = 3, last_contact_at = now() - interval '10 days' where id = $1`,
      [ana],
    );
    // The hidden member has a conversation too: its issue must never reach this steward.
    await makeOneOnOne(db, local, hidden, steward.id, { followUpAt: null, issues: ['secret issue'] });
    const petition = await makePetition(db, local, {
      workplaceId: site,
      status: 'OPEN',
      goal: 3,
      title: 'No ICE in the kitchen',
    });
    await makeSignature(db, local, petition, bea, steward.id);
    // What Ana did with the local: a delivered petition she signed, a training she attended, and
    // a seat as the kitchen's captain keeping in touch with José; and a seat on a committee of
    // the whole local, which this steward cannot read ("Oculta": the screens must never show it).
    const delivered = await makePetition(db, local, {
      status: 'DELIVERED',
      goal: 3,
      title: 'Fair schedules',
    });
    await makeSignature(db, local, delivered, ana, steward.id);
    const training = await makeEvent(db, local, {
      workplaceId: site,
      title: 'Know your rights at the hotel',
    });
    await makeAttendance(db, local, training, ana, steward.id, { attended: true });
    const committee = await makeCommittee(db, local, { workplaceId: site, name: 'Kitchen committee' });
    const seat = await makeCommitteeMembership(db, local, committee, ana, { unitId: kitchen });
    await makeCommitteeContact(db, local, seat, jose);
    const wholeLocal = await makeCommittee(db, local, { kind: 'DEFENSE_COMMITTEE', name: 'Defensa Oculta' });
    await makeCommitteeMembership(db, local, wholeLocal, ana, { role: 'MEMBER' });
    return { steward, ana, jose, bea, hidden, local };
  }

  /**
   * Checks every screen the steward sees (the checks every screen passes, its quick exit, nobody
   * hidden), and takes the README's picture of it, named `name`, in Spanish.
   */
  async function screen(page: Page, w: Words, name?: string) {
    await checkScreen(page, { quickExit: w.quickExit, absent: /Zoila|Oculta|secret issue/ });
    if (name && w.locale.startsWith('es')) await shot(page, name);
  }

  for (const lang of ['es', 'en'] as const) {
    it(`goes through a steward's day in ${lang === 'es' ? 'Spanish' : 'English'}, and leaves nothing on the phone`, async () => {
      const w = WORDS[lang];
      const s = await seed(lang);
      const page = await phone(rig.browser, w.locale);
      // The JavaScript downloaded before the first screen, gzipped as it would travel.
      const scripts: Promise<number>[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r.body().then((b) => gzipSync(b).length));
      });

      // 1. Sign in, and choose the local (the steward has roles in two).
      await signIn(page, rig.base, s.steward.email, w, { heading: w.chooseLocal });
      const firstScreen = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      expect(firstScreen).toBeGreaterThan(10_000);
      expect(firstScreen).toBeLessThanOrEqual(150 * 1024);
      await screen(page, w);
      await page.getByRole('button', { name: `Local 11 (${lang})` }).click();

      // 2. Today: the overdue follow-up first, and members not contacted in 30 days.
      await page.getByRole('heading', { name: w.today, level: 1 }).waitFor();
      const followUps = page.locator('section').filter({ has: page.locator('#follow-ups') });
      await followUps.getByText('Ana').waitFor();
      await followUps.getByText(w.overdue).waitFor();
      await page
        .locator('section')
        .filter({ has: page.locator('#not-contacted') })
        .getByText('José')
        .waitFor();
      await screen(page, w, 'today');

      // 6. Complete the follow-up in one tap.
      await followUps.getByRole('button', { name: `${w.done}:` }).click();
      await followUps.getByText(w.noFollowUps).waitFor();

      // 3. My members: accent-blind search, a unit filter, more pages as the list scrolls.
      await tab(page, w.members).click();
      await page.getByRole('heading', { name: w.myMembers }).waitFor();
      await page.getByLabel(w.search).fill('jose');
      await page.locator('.cards').getByText('José').waitFor();
      await hasCount(page.locator('.cards article'), 1);
      expect(page.url()).toBe(`${rig.base}/members`);
      await page.getByLabel(w.search).fill('zoila');
      await hasCount(page.locator('.cards article'), 0);
      await page.getByLabel(w.search).fill('');
      await hasCount(page.locator('.cards article'), 25);
      await page.locator('.cards li').last().scrollIntoViewIfNeeded();
      await hasCount(page.locator('.cards article'), 30);
      await page.getByText(w.filters, { exact: true }).click();
      await page.getByLabel(w.unit).selectOption({ label: lang === 'es' ? 'Cocina' : 'Kitchen' });
      await hasCount(page.locator('.cards article'), 2);
      await screen(page, w, 'members');

      // 4. A member: tap-to-call and tap-to-text, the assessment and the conversations.
      await page.locator('.cards').getByText('Ana').click();
      await page.getByRole('heading', { name: 'Ana López' }).waitFor();
      expect(await page.getByRole('link', { name: new RegExp(w.call) }).getAttribute('href')).toBe(
        'tel:+13105550101',
      );
      expect(await page.getByRole('link', { name: w.text, exact: true }).getAttribute('href')).toBe(
        'sms:+13105550101',
      );
      // What she signed, came to and sits on, each a link to its page.
      await page.getByRole('heading', { name: w.signedPetitions }).waitFor();
      await page.getByRole('link', { name: /Fair schedules/ }).waitFor();
      await page
        .getByRole('link', { name: new RegExp(`Know your rights at the hotel.*${w.attended}`) })
        .waitFor();
      await page.getByRole('link', { name: new RegExp(`Kitchen committee.*${w.captain}`) }).waitFor();
      await page.getByRole('link', { name: 'José Núñez', exact: true }).waitFor();
      await screen(page, w, 'member');
      await page.getByRole('link', { name: /Kitchen committee/ }).click();
      await page.getByRole('heading', { name: 'Kitchen committee', level: 1 }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { name: 'Ana López' }).waitFor();

      // 5. Log a one-on-one from the member's page.
      await page.getByRole('link', { name: w.log }).click();
      await page.getByRole('button', { name: w.inPerson }).click();
      await page.getByRole('button', { name: w.next }).click();
      await page.getByRole('button', { name: w.supporter }).click();
      await screen(page, w, 'log-assessment');
      await page.getByRole('button', { name: w.next }).click();
      // The local's recent issues are offered first; a new one can be added.
      await page.getByRole('button', { name: 'wages' }).click();
      await page.getByLabel(w.anotherIssue).fill('Heat');
      await page.getByRole('button', { name: w.add }).click();
      await page.getByRole('button', { name: 'heat' }).waitFor();
      await page.getByRole('button', { name: w.next }).click();
      await page.getByText(w.never).waitFor();
      // Too long: the API's refusal reads next to the field, and nothing is lost.
      await page.getByLabel(w.notes).fill('x'.repeat(10_001));
      await page.getByRole('button', { name: w.save }).click();
      await page.getByRole('alert').filter({ hasText: w.tooLong }).waitFor();
      await page.getByLabel(w.notes).fill('Wants to join the committee; worried about the new schedule.');
      await page.getByLabel(w.nextStep).fill('Bring her to the Thursday meeting');
      await page.getByLabel(w.followUp).fill(new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10));
      await screen(page, w, 'log-notes');
      // A lost connection says so, and keeps what was typed.
      await page.context().setOffline(true);
      await page.getByRole('button', { name: w.save }).click();
      await page.getByRole('alert').filter({ hasText: w.offline }).waitFor();
      expect(await page.getByLabel(w.notes).inputValue()).toMatch(/committee/);
      await page.context().setOffline(false);
      await page.getByRole('button', { name: w.save }).click();
      // Back where the steward came from, with the new assessment shown.
      await page.getByRole('heading', { name: 'Ana López' }).waitFor();
      await page.getByRole('status').filter({ hasText: w.saved }).waitFor();
      await page.locator('.facts').getByText(w.supporter).waitFor();
      await page.getByText('Bring her to the Thursday meeting').waitFor();

      // A member outside the steward's workplaces reads as no access, even by a deep link.
      // (A new page load signs in through the cookie, and asks which local again.)
      await page.goto(`${rig.base}/members/${s.hidden}`);
      await page.getByRole('button', { name: `Local 11 (${lang})` }).click();
      await page.getByText(w.noAccess).waitFor();
      await screen(page, w);

      // 7. Collect a signature: the petition, the member, the method; the count moves at once.
      await tab(page, w.petitions).click();
      await page.getByText('No ICE in the kitchen').click();
      await page.getByText(w.progress(1, 3)).waitFor();
      await page.getByLabel(w.searchMember).fill('Ana');
      await page
        .locator('.choices')
        .getByRole('button', { name: /Ana López/ })
        .click();
      await page.getByRole('button', { name: w.onPaper }).click();
      await screen(page, w, 'signature');
      await page.getByRole('button', { name: w.addSignature }).click();
      await page.getByText(w.signed).waitFor();
      await page.getByText(w.progress(2, 3)).waitFor();
      // Signing twice says the member already signed, and counts once.
      await page.getByLabel(w.searchMember).fill('Bea');
      await page
        .locator('.choices')
        .getByRole('button', { name: /Bea Ramos/ })
        .click();
      await page.getByRole('button', { name: w.addSignature }).click();
      await page.getByText(w.already).waitFor();
      await page.getByText(w.progress(2, 3)).waitFor();
      // The hidden member cannot be found to sign.
      await page.getByLabel(w.searchMember).fill('Zoila');
      await settled(page);
      expect(await page.locator('.choices li').count()).toBe(0);

      // A reload keeps the session (through the cookie), and asks for the local again.
      await page.reload();
      await page.getByRole('button', { name: `Local 11 (${lang})` }).click();

      // 8. Settings: the sessions, then sign out.
      await tab(page, w.settings).click();
      await page.getByText(w.thisPhone).waitFor();
      await screen(page, w, 'settings');
      await page.getByRole('button', { name: w.signOut }).click();
      await page.getByRole('button', { name: w.signIn }).waitFor();

      // Nothing left: no storage, no refresh cookie, no Back into the app.
      expect(await stored(page)).toEqual(NOTHING_STORED);
      expect((await page.context().cookies()).find((c) => c.name === 'juntos_refresh')).toBeUndefined();
      await page.goBack();
      await page.getByRole('button', { name: w.signIn }).waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(/Ana|José|Bea/);
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});
